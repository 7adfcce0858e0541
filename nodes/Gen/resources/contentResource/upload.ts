import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { binarySource, checksumOf, type BinarySource } from '../../shared/binaryData';
import { itemError } from '../../shared/errors';
import { checkedText } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { agentScope } from './fields';
import { createResource, sendToStorage } from './steps';

/** GEN's direct upload takes files up to 1 GB. */
export const MAX_UPLOAD_BYTES = 1024 ** 3;

export type UploadPlan = { qs: IDataObject; source: BinarySource; checksum: string; contentType: string };

export const upload = genOperation({
	option: {
		name: 'Upload',
		value: 'upload',
		action: 'Upload a file',
		description: "Upload the input item's binary file to GEN, for generations that take a resource ID",
	},
	// Step 1 of 3; finish() sends the bytes (step 2) and creates the content resource (step 3).
	method: 'POST',
	path: '/direct_upload',
	request: async (context) => {
		const qs = agentScope(context);
		const property = checkedText(context, context.getNodeParameter('binaryPropertyName', 'data'), 'Input Binary Field').trim();
		const options = context.getNodeParameter('options', {}) as IDataObject;
		const source = await binarySource(context, property);
		const fileName = optionText(options.fileName) || safeName(source.fileName) || 'file';
		const contentType = optionText(options.contentType) || source.mimeType || 'application/octet-stream';
		refuseSize(context, source.size);
		const { checksum, size } = await checksumOf(source);
		if (size !== source.size) {
			throw itemError(context, `The binary data "${property}" changed while it was read`, `n8n said ${source.size} bytes, ${size} were read. Nothing was sent; run again.`);
		}
		const keep: UploadPlan = { qs, source, checksum, contentType };
		return { body: { blob: { filename: fileName, byte_size: size, checksum, content_type: contentType } }, keep };
	},
	answer: 'object',
	expected: 'a direct upload',
	finish: async (context, answer, kept) => await finishUpload(context, answer, kept as UploadPlan),
	fields: [],
});

async function finishUpload(context: IExecuteSingleFunctions, answer: IDataObject, plan: UploadPlan): Promise<INodeExecutionData[]> {
	const signedId = await sendToStorage(context, answer, plan);
	return [{ json: await createResource(context, plan.qs, signedId) }];
}

const optionText = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');

/** A file name without any path or control characters (n8n's names may carry them). */
export function safeName(name: string | undefined) {
	// eslint-disable-next-line no-control-regex -- control characters are what is removed
	const base = (name ?? '').split(/[/\\]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '_').trim() ?? '';
	return /^\.*$/.test(base) ? '' : base;
}

function refuseSize(context: IExecuteSingleFunctions, size: number) {
	if (size > MAX_UPLOAD_BYTES) {
		throw itemError(
			context,
			`The file is too large for GEN: ${(size / 1024 ** 3).toFixed(2)} GB (${size} bytes)`,
			'GEN takes files of up to 1 GB (1,073,741,824 bytes). Nothing was sent. Shorten or compress the file first.',
		);
	}
	if (size === 0) throw itemError(context, 'The file is empty (0 bytes)', 'GEN takes no empty files. Nothing was sent; check the node that read the file.');
}
