import {
	NodeApiError,
	NodeOperationError,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

/**
 * What a retry of the failed request would do: reads, renames and revokes can run again
 * ('safe'); creates cannot ('creates'), unless they carry an idempotency key ('idempotent').
 */
export type RetryPolicy = 'safe' | 'creates' | 'idempotent';

const ADVICE: Record<number, string> = {
	401: 'GEN did not accept the API key: it is wrong, revoked or expired. Open the GEN credential and paste a valid key (GEN > Settings > API Keys).',
	403: 'Your role in this GEN workspace does not allow this action. Ask a workspace admin for access, or use the key of a user who has it.',
	422: 'GEN rejected the input. Correct the field named in the message and run again.',
	428: 'GEN deleted nothing: it asks for this delete to be confirmed. Confirm it in GEN itself; an unattended workflow never confirms its own delete.',
};

/** What a 404 did not find, by the node's resource. */
const THINGS: Record<string, string> = {
	apiKey: 'API key',
	agent: 'agent',
	workspace: 'workspace',
	user: 'user',
	contentEngine: 'content engine for this agent',
	template: 'template',
	row: 'row (or content engine for this agent)',
	column: 'column (or content engine for this agent)',
	cell: 'cell (or content engine for this agent)',
	generation: 'generation',
	contentResource: 'content resource (or agent)',
	post: 'post',
};

/** What the GEN Trigger's events read, for the advice of the action node's resource. */
const EVENT_RESOURCES: Record<string, string> = {
	ideaStatus: 'agent',
	newIdea: 'agent',
	cellReady: 'contentEngine',
};

/** Where to look whether a create that failed with a 5xx created something after all. */
const LOOK_FOR_CREATED: Record<string, string> = {
	apiKey: 'e.g. API Key > Get Many',
	contentEngine: 'e.g. in GEN, among the agent\'s content engines',
	template: 'e.g. in GEN, among the agent\'s content engines',
	row: 'e.g. Row > Get Many',
	column: 'e.g. Column > Get Many',
	cell: 'e.g. Cell > Get shows whether a generation started',
	generation: 'e.g. Generation > Get',
	contentResource: 'e.g. Content Resource > Get Many',
	post: 'e.g. Post > Get Many',
};

const NO_CREDITS =
	"The workspace of this agent has no usable GEN credits. Top up in GEN (Settings > Billing), or pick an agent of another workspace; Workspace > Get shows a workspace's balance.";

const CODE_ADVICE: Record<string, string> = {
	usable_gen_credit_required: NO_CREDITS,
	payment_required: NO_CREDITS,
	confirmation_required: ADVICE[428],
	agent_not_found:
		'GEN has no such agent, or it is not one of yours. Pick the agent from the list (Agent > Get Many lists yours), or check its ID.',
	organization_not_found:
		'GEN has no such workspace, or you are not a member of it. Pick it from the list (Workspace > Get Many lists yours), or check its ID.',
};

const JWT_REJECTED =
	"GEN did not accept the JWT: it is wrong or expired (JWTs from GEN's web login are short-lived). Paste a fresh one into the GEN JWT API credential, or switch Authentication to API Key for automations.";

const BATCHING = "space requests out with the node's Settings > Request Options > Batching";

const IDEMPOTENT =
	'Retry On Fail is safe here: a retry of this item carries the same idempotency key, so GEN does it at most once.';

/** Retrying is advised only where a second request cannot create a second key, row or generation. */
const RETRY_ADVICE: Record<RetryPolicy, { later: string; rateLimited: string; failing: (lookIn: string) => string }> = {
	safe: {
		later: 'GEN says the same request may succeed later. Run again in a moment, or turn on Retry On Fail.',
		rateLimited: `GEN is rate limiting this key. Wait, then run again; for many items, ${BATCHING}, or turn on Retry On Fail.`,
		failing: () =>
			'GEN is failing right now; this is not a problem with your workflow. Retry later, or turn on Retry On Fail in the node settings.',
	},
	creates: {
		later:
			'GEN says the same request may succeed later. Look whether it was created before you run this item again; do not turn on Retry On Fail here: a retried create can create twice.',
		rateLimited: `GEN is rate limiting this key and created nothing for this item. Wait, then run the item again; for many items, ${BATCHING}. Do not turn on Retry On Fail here: a retried create can create twice.`,
		failing: (lookIn) =>
			`GEN is failing right now; this is not a problem with your workflow. GEN may still have created it: look before you run this item again (${lookIn}). Do not turn on Retry On Fail here: a retried create can create twice.`,
	},
	idempotent: {
		later: `GEN says the same request may succeed later. Run again in a moment. ${IDEMPOTENT}`,
		rateLimited: `GEN is rate limiting this key. Wait, then run again; for many items, ${BATCHING}. ${IDEMPOTENT}`,
		failing: () => `GEN is failing right now; this is not a problem with your workflow. Retry later. ${IDEMPOTENT}`,
	},
};

/** An error of the item being processed (a refused input, an unsuccessful generation), with what to do. */
export function itemError(context: IExecuteSingleFunctions, message: string, description: string) {
	return new NodeOperationError(context.getNode(), message, {
		description,
		itemIndex: context.getItemIndex(),
	});
}

/**
 * An error the node raised itself (a refused input, a generation's outcome), filed as the node's
 * in the editor. n8n-core's RoutingNode re-files any other error of a request as an API error
 * whose Error code reads "none" under "From GEN"; a NodeApiError without HTTP status, data or raw
 * messages passes as it is, and the error panel shows only its message and advice.
 */
export function nodeOwnError(node: INode, error: Error & { description?: string | null }, itemIndex: number) {
	const own = new NodeApiError(node, {} as JsonObject, {
		message: error.message,
		description: error.description ?? undefined,
		itemIndex,
	});
	own.messages = [];
	return own;
}

/** Removes the credential's secret wherever an answer echoes it (GEN or a proxy in front of it). */
function redact(text: string, secrets: string[]) {
	return secrets.filter((secret) => secret.length >= 4).reduce((out, secret) => out.split(secret).join('***'), text);
}

/** A GEN answer that is not an error by status but not what GEN sends either (a proxy, a wrong Base URL). */
export function unexpectedAnswerError(node: INode, response: IN8nHttpFullResponse, expected: string, itemIndex: number) {
	const body = response.body;
	const got =
		body === undefined || body === '' ? 'an empty body' : body === null ? 'JSON null' : Array.isArray(body) ? 'a list' : typeof body === 'object' ? 'an object' : 'text';
	return new NodeApiError(node, { status: response.statusCode, error: `unexpected answer: ${got}` } as JsonObject, {
		httpCode: String(response.statusCode),
		message: `GEN answered with something that is not ${expected} (got ${got}, HTTP ${response.statusCode})`,
		description:
			'The Base URL may point at something other than GEN (a proxy, a login page), or GEN changed its answer. Check the Base URL in the GEN credential; nothing was read from this answer.',
		itemIndex,
	});
}

/** A 3xx: GEN never redirects, and the secret is never sent on (authenticate() turns redirects off). */
export function redirectError(node: INode, response: IN8nHttpFullResponse, itemIndex?: number) {
	const location = String(response.headers?.location ?? '');
	let host = 'an unnamed place';
	try {
		host = location ? new URL(location, 'http://unknown.invalid').host : host;
	} catch {
		host = 'an unreadable address';
	}
	return new NodeApiError(node, { status: response.statusCode, error: 'redirect' } as JsonObject, {
		httpCode: String(response.statusCode),
		message: `GEN API error ${response.statusCode}: the Base URL redirects to ${host}`,
		description:
			"GEN's API never redirects, so the request was not sent on and the credential's secret did not leave the Base URL's host. Check the Base URL in the GEN credential.",
		itemIndex,
	});
}

/** Turns a non-2xx GEN answer into the n8n error users see, whatever the operation. */
export function genApiError(
	node: INode,
	response: IN8nHttpFullResponse,
	{ itemIndex, retry = 'safe', secrets = [] }: { itemIndex?: number; retry?: RetryPolicy; secrets?: string[] },
) {
	const status = response.statusCode;
	const body = readErrorBody(response.body);
	const { code } = body;
	const reason = redact(body.text || response.statusMessage || 'no error message', secrets);
	const [platform, field] = [body.platform, body.field].map((value) => value && redact(value, secrets));
	const where = [platform && `platform ${platform}`, field && `field ${field}`].filter(Boolean).join(', ');
	const error = new NodeApiError(node, { status, error: reason, error_code: code ?? null } as JsonObject, {
		httpCode: String(status),
		message: `GEN API error ${status}: ${reason}${code ? ` [${code}]` : ''}${where ? ` (${where})` : ''}`,
		description: describe(node, status, body, retry, response.headers),
		itemIndex,
	});
	// The editor's error panel shows context.data under "From GEN".
	error.context.data = { status, error_code: code ?? null, ...(platform && { platform }), ...(field && { field }) };
	return error;
}

function describe(
	node: INode,
	status: number,
	{ code, retryable }: ErrorBody,
	retry: RetryPolicy,
	headers: IN8nHttpFullResponse['headers'],
) {
	if (code && CODE_ADVICE[code]) return CODE_ADVICE[code];
	if (status === 402) return NO_CREDITS;
	if (status === 401 && node.parameters.authentication === 'jwt') return JWT_REJECTED;
	const resource = String(node.parameters.resource ?? EVENT_RESOURCES[String(node.parameters.event)]);
	if (status >= 500) return RETRY_ADVICE[retry].failing(LOOK_FOR_CREATED[resource] ?? 'in GEN');
	if (status === 404) {
		const thing = THINGS[resource] ?? 'item';
		return `GEN has no such ${thing}, or it belongs to another user. Pick it from the list, or check its ID.`;
	}
	if (status === 429) return withRetryAfter(RETRY_ADVICE[retry].rateLimited, headers);
	if (retryable) return RETRY_ADVICE[retry].later;
	return ADVICE[status] ?? 'GEN could not process the request. Check the node parameters.';
}

function withRetryAfter(text: string, headers: IN8nHttpFullResponse['headers']) {
	const retryAfter = String(headers?.['retry-after'] ?? '').trim();
	if (!retryAfter) return text;
	// Retry-After is either a number of seconds or an HTTP date.
	return /^\d+$/.test(retryAfter)
		? `${text} GEN asks to wait ${retryAfter} seconds (Retry-After).`
		: `${text} GEN asks to wait until ${retryAfter} (Retry-After).`;
}

type ErrorBody = { text: string; code?: string; platform?: string; field?: string; retryable?: boolean };

const isRecord = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);

/**
 * GEN answers in three envelopes: `{error, error_code}` (Rails), `{code, message, retryable, …}`
 * (newer routes) and `{detail: {error, error_code, platform, field}}` (publishing). Proxies in
 * front of it may answer HTML or plain text.
 */
function readErrorBody(body: unknown): ErrorBody {
	if (isRecord(body)) {
		const detail = isRecord(body.detail) ? body.detail : {};
		const first = (key: string) => textOrUndefined(body[key]) ?? textOrUndefined(detail[key]);
		return {
			text: textOrUndefined(body.error) ?? textOrUndefined(body.message) ?? textOrUndefined(detail.error) ?? plainDetail(body.detail),
			code: textOrUndefined(body.error_code) ?? textOrUndefined(body.code) ?? textOrUndefined(detail.error_code),
			platform: first('platform'),
			field: first('field'),
			retryable: body.retryable === true || detail.retryable === true,
		};
	}
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		const plain = body.toString().replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
		return { text: plain.length > 200 ? `${plain.slice(0, 200)}…` : plain };
	}
	return { text: '' };
}

/** FastAPI's own errors put a plain string in `detail`. */
const plainDetail = (detail: unknown) => textOrUndefined(detail) ?? '';

function textOrUndefined(value: unknown) {
	return typeof value === 'string' && value ? value : undefined;
}
