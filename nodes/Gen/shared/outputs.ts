import type { IBinaryKeyData, IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse } from 'n8n-workflow';
import type { BinaryStream } from './binaryData';
import { itemError } from './errors';
import { discard, hostOf, networkFailure, plainRequest } from './transfer';

// A finished generation's output files, handed on as n8n binary data (Download Output).

/**
 * Each output resource's URL into binary data: data, data_1, … These are CDN URLs on another
 * host, so they are fetched without any GEN credential.
 */
export async function downloadOutputs(context: IExecuteSingleFunctions, generation: IDataObject, property: string) {
	const resources = Array.isArray(generation.output_resources) ? (generation.output_resources as IDataObject[]) : [];
	const binary: IBinaryKeyData = {};
	let index = 0;
	for (const resource of resources) {
		if (typeof resource?.url !== 'string' || !resource.url) continue;
		const key = index === 0 ? property : `${property}_${index}`;
		binary[key] = await download(context, resource.url);
		index++;
	}
	return binary;
}

/**
 * One output file streamed into n8n's binary data (in filesystem or S3 mode it never sits in
 * memory whole). A URL that is not a web address is an error, not a crash.
 */
async function download(context: IExecuteSingleFunctions, url: string) {
	const host = hostOf(url);
	if (!/^https?:\/\/[^\s/]/i.test(url)) throw downloadError(context, host, 'the output URL is not a web address');
	let response: IN8nHttpFullResponse;
	try {
		response = await plainRequest(context, { method: 'GET', url, encoding: 'stream', disableFollowRedirect: false });
	} catch (error) {
		// The error's own message may carry the signed URL: say only what happened.
		throw downloadError(context, host, networkFailure(error));
	}
	if (response.statusCode >= 300) {
		await discard(response.body);
		throw downloadError(context, host, `HTTP ${response.statusCode}`);
	}
	const type = String(response.headers?.['content-type'] ?? '').split(';')[0].trim() || undefined;
	try {
		return await context.helpers.prepareBinaryData(response.body as BinaryStream, fileNameOf(url), type);
	} catch (error) {
		throw downloadError(context, host, `the download broke off: ${networkFailure(error)}`);
	}
}

/** The URL's last path segment, decoded where it can be, as a name with no path in it. */
function fileNameOf(url: string) {
	let segment = '';
	try {
		segment = new URL(url).pathname.split('/').pop() ?? '';
		segment = decodeURIComponent(segment);
	} catch {
		// An unreadable URL or a broken % escape: keep what could be read rather than fail the download.
	}
	// eslint-disable-next-line no-control-regex -- control characters are what is removed
	const safe = segment.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 200);
	return /^\.*$/.test(safe) ? 'output' : safe;
}

function downloadError(context: IExecuteSingleFunctions, host: string, why: string) {
	return itemError(
		context,
		`Could not download the generation's output from ${host} (${why})`,
		'The generation itself is finished (Generation > Get shows it with its output URLs). Run again, or turn Download Output off and fetch the file with an HTTP Request node.',
	);
}
