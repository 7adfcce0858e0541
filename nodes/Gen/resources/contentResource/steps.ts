import {
	NodeApiError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestMethods,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';
import { checkAnswer, credentialType } from '../../shared/answer';
import { itemError } from '../../shared/errors';
import { discard, hostOf, networkFailure, plainRequest, storageErrorCode } from '../../shared/transfer';
import { GEN_BASE_URL } from '../../shared/transport';
import type { UploadPlan } from './upload';

/** A GEN request with a JSON body outside the declarative routing (upload step 3, from_url resends). */
export async function genSend(
	context: IExecuteSingleFunctions,
	method: IHttpRequestMethods,
	path: string,
	{ qs, body }: { qs?: IDataObject; body: IDataObject },
): Promise<IN8nHttpFullResponse> {
	return (await context.helpers.httpRequestWithAuthentication.call(context, credentialType(context.getNode()), {
		method,
		baseURL: GEN_BASE_URL,
		url: path,
		...(qs && { qs }),
		body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as IN8nHttpFullResponse;
}

const STEP_2 = "Upload step 2 of 3 (sending the file to GEN's storage)";

function stepTwoError(context: IExecuteSingleFunctions, why: string, advice = 'Run the node again to upload it anew.') {
	return itemError(context, `${STEP_2} failed: ${why}`, `No content resource was created. ${advice}`);
}

/** Step 2: the bytes, streamed a second time, to GEN's signed URL with exactly GEN's headers. */
export async function sendToStorage(context: IExecuteSingleFunctions, answer: IDataObject, plan: UploadPlan) {
	const target = (answer.direct_upload ?? {}) as IDataObject;
	const headers = (target.headers ?? {}) as IDataObject;
	if (typeof answer.signed_id !== 'string' || typeof target.url !== 'string' || !/^https?:\/\//i.test(target.url)) {
		throw stepTwoError(context, "GEN's answer to step 1 has no usable upload URL or signed ID", 'GEN may have changed its answer; nothing was sent to storage.');
	}
	if (headers['Content-MD5'] !== plan.checksum) {
		throw stepTwoError(context, 'GEN expects another checksum than the file has', "Nothing was sent to storage. The binary data may have changed; run again.");
	}
	const host = hostOf(target.url);
	const body = await plan.source.open();
	let response: IN8nHttpFullResponse;
	try {
		response = await plainRequest(context, {
			method: 'PUT',
			url: target.url,
			headers: { ...stringHeaders(headers), 'Content-Length': String(plan.source.size) },
			body,
			encoding: 'text',
		});
	} catch (error) {
		throw stepTwoError(context, `${networkFailure(error)} (${host})`);
	} finally {
		if (!Buffer.isBuffer(body)) body.destroy();
	}
	if (response.statusCode >= 200 && response.statusCode < 300) return answer.signed_id;
	await discard(response.body);
	const code = storageErrorCode(response.body);
	if (code === 'BadDigest' || code === 'InvalidDigest') {
		throw stepTwoError(context, `the storage says the file does not match its MD5 checksum (HTTP ${response.statusCode}, ${code})`, 'The file changed or was damaged on the way. Run again.');
	}
	const why = response.statusCode < 400 ? `the storage at ${host} redirects (HTTP ${response.statusCode}), which is not followed` : `HTTP ${response.statusCode}${code ? ` (${code})` : ''} from ${host}`;
	throw stepTwoError(context, why, response.statusCode === 403 ? 'The signed upload URL was refused (it may have expired). Run again for a new one.' : undefined);
}

/** Only GEN's string headers (Content-Type, Content-MD5), as S3 signed them. */
const stringHeaders = (headers: IDataObject) =>
	Object.fromEntries(Object.entries(headers).filter(([, value]) => typeof value === 'string')) as Record<string, string>;

/** Step 3: the content resource from the signed ID; its failure says the upload can be retried. */
export async function createResource(context: IExecuteSingleFunctions, qs: IDataObject, signedId: string): Promise<IDataObject> {
	const body = { content_resource: { file: signedId } };
	try {
		const response = await genSend(context, 'POST', '/content_resources', { qs, body });
		const [answer] = await checkAnswer(context, response, { answer: 'object', expected: 'a content resource', retry: 'safe' }, context.getItemIndex());
		return resourceOf(context, answer);
	} catch (error) {
		throw stepThreeError(context, error as Error & { description?: string | null; httpCode?: string | null });
	}
}

/** GEN's own error of step 3, saying what already happened and that a retry is fine. */
function stepThreeError(context: IExecuteSingleFunctions, error: Error & { description?: string | null; httpCode?: string | null }) {
	const message = `Upload step 3 of 3 (creating the content resource) failed: ${error.message}`;
	const description = `The file reached GEN's storage, but GEN created no content resource from it. The upload can be retried: run the node again. ${error.description ?? ''}`.trim();
	if (!error.httpCode) return itemError(context, message, description);
	const { httpCode } = error;
	return new NodeApiError(context.getNode(), { status: Number(httpCode), error: error.message } as JsonObject, {
		httpCode,
		message,
		description,
		itemIndex: context.getItemIndex(),
	});
}

/** GEN's `content_resource` out of its answer, or the error that it has none. */
export function resourceOf(context: IExecuteSingleFunctions, answer: IDataObject): IDataObject {
	const resource = answer.content_resource;
	if (resource && typeof resource === 'object' && !Array.isArray(resource)) return resource as IDataObject;
	throw itemError(context, 'GEN answered without a content resource', 'GEN may have changed its answer. Look for the file with Content Resource > Get Many.');
}
