import {
	NodeApiError,
	NodeOperationError,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

type GenErrorBody = { error?: unknown; error_code?: unknown };

const ADVICE: Record<number, string> = {
	401: 'GEN did not accept the API key: it is wrong, revoked or expired. Open the GEN credential and paste a valid key (GEN > Settings > API Keys).',
	403: 'Your role in this GEN workspace does not allow this action. Ask a workspace admin for access, or use the key of a user who has it.',
	404: 'GEN has no such API key, or it belongs to another user. Pick the key from the list, or check its ID.',
	422: 'GEN rejected the input. Correct the field named in the message and run again.',
	429: 'GEN is rate limiting this key. Wait, then run again; for many items, space requests out (node Options > Batching) or turn on Retry On Fail.',
};

const JWT_REJECTED =
	"GEN did not accept the JWT: it is wrong or expired (JWTs from GEN's web login are short-lived). Paste a fresh one into the GEN JWT API credential, or switch Authentication to API Key for automations.";

const SERVER_ADVICE =
	'GEN is failing right now; this is not a problem with your workflow. Retry later, or turn on Retry On Fail in the node settings.';

/** An input the node refuses before sending anything, for the item being processed. */
export function inputError(context: IExecuteSingleFunctions, message: string, description: string) {
	return new NodeOperationError(context.getNode(), message, {
		description,
		itemIndex: context.getItemIndex(),
	});
}

/** Turns a non-2xx GEN answer into the n8n error users see, whatever the operation. */
export function genApiError(node: INode, response: IN8nHttpFullResponse, itemIndex?: number) {
	const status = response.statusCode;
	const { text, code } = readErrorBody(response.body);
	const reason = text || response.statusMessage || 'no error message';
	return new NodeApiError(node, { status, error: reason, error_code: code ?? null } as JsonObject, {
		httpCode: String(status),
		message: `GEN API error ${status}: ${reason}${code ? ` [${code}]` : ''}`,
		description:
			status === 401 && node.parameters.authentication === 'jwt'
				? JWT_REJECTED
				: advice(status, response.headers),
		itemIndex,
	});
}

function advice(status: number, headers: IN8nHttpFullResponse['headers']) {
	if (status >= 500) return SERVER_ADVICE;
	const text = ADVICE[status] ?? 'GEN could not process the request. Check the node parameters.';
	const retryAfter = status === 429 ? String(headers?.['retry-after'] ?? '').trim() : '';
	if (!retryAfter) return text;
	// Retry-After is either a number of seconds or an HTTP date.
	return /^\d+$/.test(retryAfter)
		? `${text} GEN asks to wait ${retryAfter} seconds (Retry-After).`
		: `${text} GEN asks to wait until ${retryAfter} (Retry-After).`;
}

/** GEN answers `{error, error_code}`; proxies in front of it may answer HTML or plain text. */
function readErrorBody(body: unknown): { text: string; code?: string } {
	if (body && typeof body === 'object') {
		const { error, error_code } = body as GenErrorBody;
		return { text: typeof error === 'string' ? error : '', code: stringOrUndefined(error_code) };
	}
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		const plain = body.toString().replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
		return { text: plain.length > 200 ? `${plain.slice(0, 200)}…` : plain };
	}
	return { text: '' };
}

function stringOrUndefined(value: unknown) {
	return typeof value === 'string' && value ? value : undefined;
}
