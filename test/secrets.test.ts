/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code: made-up secrets the tests check never leak */
import { loadListSearch } from './harness/n8n';
import type { Sandbox } from './sandbox/server';
import { genCredentials, jwtCredentials, keyLocator, runGen, serialized, tokenOf, useSandbox } from './support/gen';

const gen = useSandbox();

const WRONG_KEY = 'gen_pat_wrong_but_still_secret_0001';
const WRONG_JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.still-secret-signature';

type Scenario = {
	case: string;
	/** the secret the credential holds */
	secret: (sandbox: Sandbox) => string;
	/** runs the node (or the editor's list search) and returns everything it exposes */
	act: (sandbox: Sandbox, secret: string) => Promise<unknown>;
	/** 'ok', or what the error (thrown, or output with On Error: Continue) says */
	outcome: 'ok' | RegExp;
};

const OK = 'ok' as const;
const UNAUTHORIZED = /^GEN API error 401: Invalid or missing API key \[unauthorized\]$/;
const DROPPED = /connection to the server was closed unexpectedly/;

/** The error message a run or list search ended with, or 'ok'. */
function outcomeOf(exposed: unknown) {
	if (exposed instanceof Error) return exposed.message;
	const { error, items } = exposed as { error?: { message: string }; items?: Array<{ json: { error?: string } }> };
	return error?.message ?? items?.find(({ json }) => json.error)?.json.error ?? OK;
}

const withKey = (parameters: Record<string, unknown>, more: Parameters<typeof runGen>[2] = {}) =>
	async (sandbox: Sandbox, secret: string) =>
		await runGen(sandbox, parameters, { credentials: genCredentials(sandbox, secret), ...more });

const withJwt = (parameters: Record<string, unknown>) => async (sandbox: Sandbox, secret: string) =>
	await runGen(sandbox, { authentication: 'jwt', ...parameters }, { credentials: jwtCredentials(sandbox, secret) });

const listSearch = (sandbox: Sandbox, secret: string) =>
	loadListSearch('getApiKeys', {
		parameters: { resource: 'apiKey', operation: 'rename' },
		credentials: genCredentials(sandbox, secret),
	}).catch((error: unknown) => error);

const me = { resource: 'user', operation: 'getCurrent' };
const apiKey = (sandbox: Sandbox) => sandbox.apiKey;

const scenarios: Scenario[] = [
	{ case: 'user > getCurrent succeeds', outcome: OK, secret: apiKey, act: withKey(me) },
	{
		case: 'apiKey > getAll succeeds',
		outcome: OK,
		secret: apiKey,
		act: withKey({ resource: 'apiKey', operation: 'getAll', returnAll: true }),
	},
	{
		case: 'apiKey > rename succeeds',
		outcome: OK,
		secret: apiKey,
		act: withKey({ resource: 'apiKey', operation: 'rename', apiKeyId: keyLocator('1'), name: 'renamed' }),
	},
	{
		case: 'apiKey > revoke of the credential\'s own key succeeds (GEN answers 200 with the key)',
		outcome: OK,
		secret: apiKey,
		act: async (sandbox, secret) => {
			sandbox.setRevokeStyle('200');
			return await withKey({ resource: 'apiKey', operation: 'revoke', apiKeyId: keyLocator('1') })(sandbox, secret);
		},
	},
	{
		case: 'apiKey > create succeeds',
		outcome: OK,
		secret: apiKey,
		act: withKey({ resource: 'apiKey', operation: 'create', name: 'new' }),
	},
	{ case: 'GEN answers 401 to a wrong key', outcome: UNAUTHORIZED, secret: () => WRONG_KEY, act: withKey(me) },
	{
		case: 'GEN answers 401 to a revoked key',
		outcome: UNAUTHORIZED,
		secret: (sandbox) => tokenOf(sandbox, 4),
		act: withKey(me),
	},
	{
		case: 'GEN answers 401, with On Error: Continue',
		outcome: UNAUTHORIZED,
		secret: () => WRONG_KEY,
		act: withKey(me, { continueOnFail: true }),
	},
	{
		case: 'the connection drops',
		outcome: DROPPED,
		secret: apiKey,
		act: async (sandbox, secret) => {
			sandbox.fault({ destroy: true });
			return await withKey(me)(sandbox, secret);
		},
	},
	{
		case: 'the connection drops, with On Error: Continue',
		outcome: DROPPED,
		secret: apiKey,
		act: async (sandbox, secret) => {
			sandbox.fault({ destroy: true });
			return await withKey(me, { continueOnFail: true })(sandbox, secret);
		},
	},
	{
		case: 'GEN answers slowly, then 503',
		outcome: /^GEN API error 503: /,
		secret: apiKey,
		act: async (sandbox, secret) => {
			sandbox.fault({ delayMs: 50, status: 503 });
			return await withKey(me)(sandbox, secret);
		},
	},
	{
		case: 'GEN answers slowly, then succeeds',
		outcome: OK,
		secret: apiKey,
		act: async (sandbox, secret) => {
			sandbox.fault({ delayMs: 50 });
			return await withKey(me)(sandbox, secret);
		},
	},
	{
		case: 'GEN answers later than the node\'s timeout',
		outcome: /aborted/,
		secret: apiKey,
		act: async (sandbox, secret) => {
			sandbox.fault({ delayMs: 10_000 });
			return await withKey({ ...me, requestOptions: { timeout: 250 } })(sandbox, secret);
		},
	},
	{ case: 'JWT: user > getCurrent succeeds', outcome: OK, secret: (sandbox) => sandbox.jwt, act: withJwt(me) },
	{ case: 'JWT: GEN answers 401 to a wrong JWT', outcome: UNAUTHORIZED, secret: () => WRONG_JWT, act: withJwt(me) },
	{
		case: 'JWT: the connection drops',
		outcome: DROPPED,
		secret: (sandbox) => sandbox.jwt,
		act: async (sandbox, secret) => {
			sandbox.fault({ destroy: true });
			return await withJwt(me)(sandbox, secret);
		},
	},
	{ case: 'list search succeeds', outcome: OK, secret: apiKey, act: listSearch },
	{ case: 'list search gets 401', outcome: UNAUTHORIZED, secret: () => WRONG_KEY, act: listSearch },
	{
		case: 'list search: the connection drops',
		outcome: DROPPED,
		secret: apiKey,
		act: async (sandbox, secret) => {
			sandbox.fault({ destroy: true });
			return await listSearch(sandbox, secret);
		},
	},
];

describe('Secrets never reach outputs or errors', () => {
	it.each(scenarios)('$case', async ({ secret: secretOf, act, outcome }) => {
		const { sandbox } = gen;
		const secret = secretOf(sandbox);
		const exposed = await act(sandbox, secret);

		// The scenario happened as named, with the secret in play: GEN received it.
		if (outcome === OK) expect(outcomeOf(exposed)).toBe(OK);
		else expect(outcomeOf(exposed)).toMatch(outcome);
		expect(
			sandbox.requests.some(
				({ headers }) => headers['x-api-key'] === secret || headers.authorization === `Bearer ${secret}`,
			),
		).toBe(true);
		// Output items, run data, the error with its message and description: no secret anywhere.
		expect(serialized(exposed)).not.toContain(secret);
	});

	it('no key\'s token is ever listed, only what GEN returns about it', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, { resource: 'apiKey', operation: 'getAll', returnAll: true });

		expect(items).toHaveLength(6);
		for (const key of sandbox.state.keys) expect(serialized(items)).not.toContain(key.token);
		expect(items.every(({ json }) => !('token' in json))).toBe(true);
	});
});
