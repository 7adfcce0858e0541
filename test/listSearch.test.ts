import { loadListSearch } from './harness/n8n';
import { authHeaders, genCredentials, jwtCredentials, requestLines, serialized, useSandbox } from './support/gen';

const gen = useSandbox();

const ALL_KEYS = [
	{ name: 'n8n-production (1, active)', value: '1' },
	{ name: 'CI Pipeline (2, active)', value: '2' },
	{ name: 'old-laptop (3, expired)', value: '3' },
	{ name: 'claude-code (4, revoked)', value: '4' },
	{ name: 'never-used (5, active)', value: '5' },
	{ name: 'rotation-2026-01-01 (6, active)', value: '6' },
];

const apiKeys = (filter?: string, more: { authentication?: string; credentials?: object } = {}) =>
	loadListSearch('getApiKeys', {
		parameters: { resource: 'apiKey', operation: 'rename', ...(more.authentication && { authentication: more.authentication }) },
		credentials: (more.credentials ?? genCredentials(gen.sandbox)) as Record<string, never>,
		filter,
	});

describe('API Key picker (list search getApiKeys)', () => {
	it('lists every key by name and status, with its ID as a string value', async () => {
		const { sandbox } = gen;
		const { results } = await apiKeys();

		expect(results).toEqual(ALL_KEYS);
		expect(requestLines(sandbox)).toEqual(['GET /v1/persisted_tokens']);
		expect(authHeaders(sandbox)).toEqual([{ apiKey: sandbox.apiKey, authorization: undefined }]);
	});

	it.each([
		['ci', ['2']],
		['CI PIPE', ['2']],
		['  pipeline  ', ['2']],
		['LaPtOp', ['3']],
		['revoked', ['4']],
		['-', ['1', '3', '4', '5', '6']],
		['', ['1', '2', '3', '4', '5', '6']],
		['no such key', []],
	])('filter %p matches names case-insensitively', async (filter, values) => {
		const { results } = await apiKeys(filter);

		expect(results.map(({ value }) => value)).toEqual(values);
	});

	it('shows the current names after a rename', async () => {
		const { sandbox } = gen;
		sandbox.state.keys[1].name = 'GitHub Actions';
		const { results } = await apiKeys('github');

		expect(results).toEqual([{ name: 'GitHub Actions (2, active)', value: '2' }]);
	});

	it('works with the JWT credential', async () => {
		const { sandbox } = gen;
		const { results } = await apiKeys('old', { authentication: 'jwt', credentials: jwtCredentials(sandbox) });

		expect(results).toEqual([{ name: 'old-laptop (3, expired)', value: '3' }]);
		expect(authHeaders(sandbox)).toEqual([{ apiKey: undefined, authorization: `Bearer ${sandbox.jwt}` }]);
	});

	it.each([
		[401, 'GEN API error 401: Invalid or missing API key [unauthorized]', () => genCredentials(gen.sandbox, 'gen_pat_wrong')],
		[503, 'GEN API error 503: 503 Service Unavailable', () => genCredentials(gen.sandbox)],
	])('shows GEN\'s error when the list cannot load (%p)', async (status, message, credentials) => {
		const { sandbox } = gen;
		if (status !== 401) sandbox.fault({ status });
		const failure = await apiKeys(undefined, { credentials: credentials() }).catch((error: Error) => error);

		expect(failure).toBeInstanceOf(Error);
		expect((failure as Error).message).toBe(message);
		expect(serialized(failure)).not.toContain('gen_pat_');
	});
});

describe('Workspace picker (list search getWorkspaces)', () => {
	const workspaces = (filter?: string, jwt = false) =>
		loadListSearch('getWorkspaces', {
			parameters: { resource: 'agent', operation: 'getAll', ...(jwt && { authentication: 'jwt' }) },
			credentials: jwt ? jwtCredentials(gen.sandbox) : genCredentials(gen.sandbox),
			filter,
		});

	it('lists workspaces by name with their IDs', async () => {
		const { sandbox } = gen;
		const { results } = await workspaces();

		expect(results).toEqual([
			{ name: 'Marketing (ws_1)', value: 'ws_1' },
			{ name: 'Sales (ws_2)', value: 'ws_2' },
		]);
		expect(requestLines(sandbox)).toEqual(['GET /v1/workspaces']);
		expect(authHeaders(sandbox)).toEqual([{ apiKey: sandbox.apiKey, authorization: undefined }]);
	});

	it.each([
		['SAL', ['ws_2']],
		['market', ['ws_1']],
		['ws_2', ['ws_2']],
		['hr', []],
	])('filter %p', async (filter, values) => {
		const { results } = await workspaces(filter);

		expect(results.map(({ value }) => value)).toEqual(values);
	});

	it('works with the JWT credential', async () => {
		const { sandbox } = gen;
		const { results } = await workspaces('sales', true);

		expect(results).toEqual([{ name: 'Sales (ws_2)', value: 'ws_2' }]);
		expect(authHeaders(sandbox)).toEqual([{ apiKey: undefined, authorization: `Bearer ${sandbox.jwt}` }]);
	});
});
