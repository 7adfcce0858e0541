import type { IExecuteSingleFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import type { BinaryStream } from './binaryData';

// Requests to hosts other than GEN's API (signed storage URLs, GEN's CDN) go through n8n's plain
// httpRequest: no credential, so no GEN key or Authorization header, and no redirect followed.
// Their URLs carry signatures: errors name the host and what happened, never the URL.

/** The host of a URL for an error message, or a phrase when it cannot be read. */
export function hostOf(url: string) {
	try {
		return new URL(url).host || 'an unreadable address';
	} catch {
		return 'an unreadable address';
	}
}

const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'the host refused the connection',
	ENOTFOUND: 'the host name does not resolve',
	ETIMEDOUT: 'the host did not answer in time',
	ECONNRESET: 'the host dropped the connection',
	EPIPE: 'the host closed the connection while the file was sent',
};

/** What went wrong with a request that got no answer, in words that carry no URL. */
export function networkFailure(error: unknown) {
	const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
	return NETWORK_FAILURES[String(code ?? cause?.code ?? '')] ?? 'the connection failed';
}

/**
 * One request outside GEN's API; the answer whatever its status, or a thrown network failure.
 * Redirects are not followed unless the caller allows it (a CDN download carries nothing secret).
 */
export async function plainRequest(context: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	return (await context.helpers.httpRequest({
		disableFollowRedirect: true,
		...options,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: false,
	})) as IN8nHttpFullResponse;
}

/** Reads and drops an answer body that is a stream, so its connection is freed. */
export async function discard(body: unknown) {
	const stream = body as Partial<BinaryStream> | undefined;
	if (stream && typeof stream.resume === 'function') {
		stream.resume();
		await new Promise<void>((resolve) => {
			stream.once?.('end', () => resolve());
			stream.once?.('error', () => resolve());
			stream.once?.('close', () => resolve());
		});
	}
}

/** An S3-style XML error's <Code> (e.g. BadDigest, AccessDenied), if the body has one. */
export function storageErrorCode(body: unknown) {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
	return /<Code>([A-Za-z]{1,64})<\/Code>/.exec(text)?.[1];
}
