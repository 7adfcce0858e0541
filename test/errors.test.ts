import type { Sandbox } from './sandbox/server';
import { CREATES, EVERY_OPERATION, IDEMPOTENT } from './support/operations';
import { genCredentials, jsonOf, keyLocator, keyStates, received, receivedSorted, runGen, shown, tokenOf, useSandbox } from './support/gen';

const gen = useSandbox();

const rename = (id: string, name = 'renamed') => ({
	resource: 'apiKey',
	operation: 'rename',
	apiKeyId: keyLocator(id),
	name,
});

const ADVICE = {
	401: 'GEN did not accept the API key: it is wrong, revoked or expired. Open the GEN credential and paste a valid key (GEN > Settings > API Keys).',
	403: 'Your role in this GEN workspace does not allow this action. Ask a workspace admin for access, or use the key of a user who has it.',
	404: 'GEN has no such API key, or it belongs to another user. Pick it from the list, or check its ID.',
	422: 'GEN rejected the input. Correct the field named in the message and run again.',
	429: "GEN is rate limiting this key. Wait, then run again; for many items, space requests out with the node's Settings > Request Options > Batching, or turn on Retry On Fail.",
	server: 'GEN is failing right now; this is not a problem with your workflow. Retry later, or turn on Retry On Fail in the node settings.',
	serverOnCreate:
		'GEN is failing right now; this is not a problem with your workflow. GEN may still have created it: look before you run this item again (e.g. API Key > Get Many). Do not turn on Retry On Fail here: a retried create can create twice.',
	serverOnIdempotent:
		'GEN is failing right now; this is not a problem with your workflow. Retry later. Retry On Fail is safe here: a retry of this item carries the same idempotency key, so GEN does it at most once.',
	other: 'GEN could not process the request. Check the node parameters.',
};

/** The 5xx advice of an operation: creates never suggest Retry On Fail, unless they carry an idempotency key. */
function serverAdvice(operation: string) {
	if (IDEMPOTENT.includes(operation)) return ADVICE.serverOnIdempotent;
	if (CREATES[operation]) return ADVICE.serverOnCreate.replace('e.g. API Key > Get Many', CREATES[operation]);
	return ADVICE.server;
}

type Case = {
	answer: string;
	arrange?: (sandbox: Sandbox) => void;
	credentials?: (sandbox: Sandbox) => ReturnType<typeof genCredentials>;
	/** the key to rename (default 2) and its new name (default 'renamed') */
	id?: string;
	name?: string;
	message: string;
	description: string;
	httpCode: string;
};

const PATH = '/v1/persisted_tokens/2';

const cases: Case[] = [
	{
		answer: '401 for a wrong key',
		credentials: (sandbox) => genCredentials(sandbox, 'gen_pat_not_a_real_key'),
		message: 'GEN API error 401: Invalid or missing API key [unauthorized]',
		description: ADVICE[401],
		httpCode: '401',
	},
	{
		answer: '401 for an expired key',
		credentials: (sandbox) => genCredentials(sandbox, tokenOf(sandbox, 3)),
		message: 'GEN API error 401: Invalid or missing API key [unauthorized]',
		description: ADVICE[401],
		httpCode: '401',
	},
	{
		answer: '401 for a revoked key',
		credentials: (sandbox) => genCredentials(sandbox, tokenOf(sandbox, 4)),
		message: 'GEN API error 401: Invalid or missing API key [unauthorized]',
		description: ADVICE[401],
		httpCode: '401',
	},
	{
		answer: '403 permission_denied',
		arrange: (sandbox) => sandbox.fault({ status: 403, match: { path: PATH } }),
		message: 'GEN API error 403: Your workspace role does not allow this action [permission_denied]',
		description: ADVICE[403],
		httpCode: '403',
	},
	{
		answer: '403 forbidden',
		arrange: (sandbox) =>
			sandbox.fault({ status: 403, match: { path: PATH }, body: { error: 'Forbidden', error_code: 'forbidden' } }),
		message: 'GEN API error 403: Forbidden [forbidden]',
		description: ADVICE[403],
		httpCode: '403',
	},
	{
		answer: '404 for an unknown key',
		id: '999',
		message: 'GEN API error 404: API key not found [not_found]',
		description: ADVICE[404],
		httpCode: '404',
	},
	{
		answer: '422 for a name over 255 characters',
		name: 'x'.repeat(256),
		message: 'GEN API error 422: Name is too long (maximum is 255 characters) [validation_error]',
		description: ADVICE[422],
		httpCode: '422',
	},
	{
		answer: '429 with Retry-After: 7',
		arrange: (sandbox) => sandbox.fault({ status: 429, retryAfter: 7, match: { path: PATH } }),
		message: 'GEN API error 429: Rate limit exceeded',
		description: `${ADVICE[429]} GEN asks to wait 7 seconds (Retry-After).`,
		httpCode: '429',
	},
	{
		answer: '429 with Retry-After as an HTTP date',
		arrange: (sandbox) =>
			sandbox.fault({ status: 429, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT', match: { path: PATH } }),
		message: 'GEN API error 429: Rate limit exceeded',
		description: `${ADVICE[429]} GEN asks to wait until Wed, 21 Oct 2026 07:28:00 GMT (Retry-After).`,
		httpCode: '429',
	},
	{
		answer: '429 without Retry-After',
		arrange: (sandbox) => sandbox.fault({ status: 429, retryAfter: null, match: { path: PATH } }),
		message: 'GEN API error 429: Rate limit exceeded',
		description: ADVICE[429],
		httpCode: '429',
	},
	{
		answer: '500 with an HTML page',
		arrange: (sandbox) => sandbox.fault({ status: 500, match: { path: PATH } }),
		message: 'GEN API error 500: 500 Internal Server Error',
		description: ADVICE.server,
		httpCode: '500',
	},
	{
		answer: '502 with plain text from a proxy',
		arrange: (sandbox) => sandbox.fault({ status: 502, match: { path: PATH }, body: 'upstream connect error' }),
		message: 'GEN API error 502: upstream connect error',
		description: ADVICE.server,
		httpCode: '502',
	},
	{
		answer: '503 with a JSON error',
		arrange: (sandbox) =>
			sandbox.fault({ status: 503, match: { path: PATH }, body: { error: 'Maintenance', error_code: 'maintenance' } }),
		message: 'GEN API error 503: Maintenance [maintenance]',
		description: ADVICE.server,
		httpCode: '503',
	},
	{
		answer: '400 with an empty JSON body (the HTTP status text stands in)',
		arrange: (sandbox) => sandbox.fault({ status: 400, match: { path: PATH }, body: {} }),
		message: 'GEN API error 400: Bad Request',
		description: ADVICE.other,
		httpCode: '400',
	},
];

describe('Errors: every non-2xx answer becomes an n8n error', () => {
	it.each(cases)('$answer', async ({ arrange, credentials, id = '2', name = 'renamed', message, description, httpCode }) => {
		const { sandbox } = gen;
		arrange?.(sandbox);
		const { items, error, run } = await runGen(sandbox, rename(id, name), {
			...(credentials && { credentials: credentials(sandbox) }),
		});

		expect(shown(error)).toEqual({ message, description, httpCode });
		expect(run.data.resultData.error?.message).toBe(message);
		expect(items).toEqual([]);
		expect(received(sandbox)).toEqual([
			{ method: 'PATCH', path: `/v1/persisted_tokens/${id}`, body: { persisted_token: { name } } },
		]);
	});

	it('keeps a long HTML error page short and readable', async () => {
		const { sandbox } = gen;
		const page = `<html><head><style>body{}</style></head><body><h1>Bad Gateway</h1><p>${'The upstream went away. '.repeat(20)}</p></body></html>`;
		sandbox.fault({ status: 502, body: page });
		const { error } = await runGen(sandbox, { resource: 'user', operation: 'getCurrent' });

		expect(error?.message).toMatch(/^GEN API error 502: body\{\} Bad Gateway The upstream went away\. The upstream/);
		expect(error?.message).not.toMatch(/<|>/);
		expect(error?.message.length).toBeLessThanOrEqual('GEN API error 502: '.length + 201);
		expect(error?.message.endsWith('…')).toBe(true);
	});

	it.each(EVERY_OPERATION)('%s > %s turns a 503 into the same error', async (resource, operation, fields, method, path, input = {}) => {
		const { sandbox } = gen;
		sandbox.fault({ status: 503 });
		const { items, error } = await runGen(sandbox, { resource, operation, ...fields }, input);

		expect(shown(error)).toEqual({
			message: 'GEN API error 503: 503 Service Unavailable',
			description: serverAdvice(`${resource}.${operation}`),
			httpCode: '503',
		});
		expect(items).toEqual([]);
		expect(received(sandbox).map((request) => [request.method, request.path])).toEqual([[method, path]]);
	});
});

describe('Errors with "On Error: Continue"', () => {
	const items = [
		{ id: 2, name: 'ci' },
		{ id: 999, name: 'ghost' },
		{ id: 6, name: 'rotation-old' },
	];
	const renameEach = {
		resource: 'apiKey',
		operation: 'rename',
		apiKeyId: keyLocator('={{ $json.id }}'),
		name: '={{ $json.name }}',
	};

	it('outputs the failing item\'s error and goes on with the other items', async () => {
		const { sandbox } = gen;
		const result = await runGen(sandbox, renameEach, { items, continueOnFail: true });

		expect(result.error).toBeUndefined();
		expect(result.run.data.resultData.error).toBeUndefined();
		expect(jsonOf(result.items).map((json) => [json.id, json.name, json.error])).toEqual([
			[2, 'ci', undefined],
			[undefined, undefined, 'GEN API error 404: API key not found [not_found]'],
			[6, 'rotation-old', undefined],
		]);
		expect(result.items[1].error).toMatchObject({
			message: 'GEN API error 404: API key not found [not_found]',
			description: ADVICE[404],
		});
		expect(result.items.map(({ pairedItem }) => pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(receivedSorted(sandbox).map(({ path }) => path)).toEqual([
			'/v1/persisted_tokens/2',
			'/v1/persisted_tokens/6',
			'/v1/persisted_tokens/999',
		]);
		expect(keyStates(sandbox).map(({ name }) => name)).toEqual([
			'n8n-production',
			'ci',
			'old-laptop',
			'claude-code',
			'never-used',
			'rotation-old',
		]);
	});

	it('outputs an item\'s error raised before sending (blank name) and goes on', async () => {
		const { sandbox } = gen;
		const result = await runGen(sandbox, renameEach, {
			items: [items[0], { id: 5, name: '  ' }, items[2]],
			continueOnFail: true,
		});

		expect(jsonOf(result.items).map((json) => [json.id, json.error])).toEqual([
			[2, undefined],
			[undefined, 'Name is empty'],
			[6, undefined],
		]);
		expect(receivedSorted(sandbox).map(({ path }) => path)).toEqual(['/v1/persisted_tokens/2', '/v1/persisted_tokens/6']);
	});

	it('outputs a 429 on one item with GEN\'s message, not n8n\'s generic one', async () => {
		const { sandbox } = gen;
		sandbox.fault({ status: 429, retryAfter: 30, match: { path: '/v1/persisted_tokens/6' } });
		const result = await runGen(sandbox, renameEach, { items: [items[0], items[2]], continueOnFail: true });

		expect(result.items[0].json).toMatchObject({ id: 2, name: 'ci' });
		expect(result.items[1].json).toEqual({ error: 'GEN API error 429: Rate limit exceeded' });
		expect(result.items[1].error?.description).toBe(`${ADVICE[429]} GEN asks to wait 30 seconds (Retry-After).`);
	});

	it('without it, the run stops with the error', async () => {
		const { sandbox } = gen;
		const result = await runGen(sandbox, renameEach, { items });

		expect(result.items).toEqual([]);
		expect(shown(result.error)).toEqual({
			message: 'GEN API error 404: API key not found [not_found]',
			description: ADVICE[404],
			httpCode: '404',
		});
		expect(result.run.data.resultData.error?.message).toBe('GEN API error 404: API key not found [not_found]');
	});
});
