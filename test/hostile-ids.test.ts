import { ENCODED, REFUSED } from './support/hostile-ids';
import { keyLocator, keyStates, runGen, useSandbox } from './support/gen';

const gen = useSandbox();

const SEED_STATES = [
	{ id: 1, name: 'n8n-production', revoked: false },
	{ id: 2, name: 'CI Pipeline', revoked: false },
	{ id: 3, name: 'old-laptop', revoked: false },
	{ id: 4, name: 'claude-code', revoked: true },
	{ id: 5, name: 'never-used', revoked: false },
	{ id: 6, name: 'rotation-2026-01-01', revoked: false },
];

/*
 * An API key ID typed by a user or taken from an item is one path segment, whatever it holds:
 * either it reaches GEN URL-encoded under /v1/persisted_tokens/ (and GEN says 404), or the node
 * refuses it before sending anything.
 */
describe.each([
	['rename', { name: 'pwned' }, 'PATCH', ''],
	['revoke', {}, 'DELETE', '/revoke'],
])('API Key > %s with a hostile ID', (operation, fields, method, suffix) => {
	const run = (id: string) =>
		runGen(gen.sandbox, { resource: 'apiKey', operation, apiKeyId: keyLocator(id), ...fields });

	it.each(ENCODED)('%p reaches only /v1/persisted_tokens/%s', async (id, encoded) => {
		const { sandbox } = gen;
		const { items, error } = await run(id);

		expect(sandbox.requests.map(({ method: m, url, headers }) => [m, url, headers.host])).toEqual([
			[method, `/v1/persisted_tokens/${encoded}${suffix}`, `127.0.0.1:${sandbox.port}`],
		]);
		expect(error?.message).toBe('GEN API error 404: API key not found [not_found]');
		expect(items).toEqual([]);
		expect(keyStates(sandbox)).toEqual(SEED_STATES);
	});

	it.each(REFUSED)('%p is refused before sending anything', async (id) => {
		const { sandbox } = gen;
		const { items, error } = await run(id);

		expect(error?.message).toBe(`API Key ID "${id}" is not a valid ID`);
		expect(error?.description).toBe('Pick an entry from the list, or enter its ID as GEN shows it.');
		expect(items).toEqual([]);
		expect(sandbox.requests).toEqual([]);
		expect(keyStates(sandbox)).toEqual(SEED_STATES);
	});

	it('takes a hostile ID from an input item the same way', async () => {
		const { sandbox } = gen;
		await runGen(
			sandbox,
			{ resource: 'apiKey', operation, apiKeyId: keyLocator('={{ $json.id }}'), ...fields },
			{ items: [{ id: '../me' }] },
		);

		expect(sandbox.requests.map(({ url }) => url)).toEqual([`/v1/persisted_tokens/..%2Fme${suffix}`]);
		expect(keyStates(sandbox)).toEqual(SEED_STATES);
	});
});

describe('Agent > Get Many with a hostile workspace ID', () => {
	it.each([
		['ws_1&workspace_id=ws_2', 'ws_1%26workspace_id%3Dws_2'],
		['ws_1#x', 'ws_1%23x'],
		['../me', '..%2Fme'],
	])('%p stays one workspace_id query value', async (workspace, encoded) => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, {
			resource: 'agent',
			operation: 'getAll',
			workspaceId: keyLocator(workspace),
		});

		expect(sandbox.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
			`GET /v1/agents?workspace_id=${encoded}`,
		]);
		expect(sandbox.requests[0].query).toEqual({ workspace_id: workspace });
		expect(items).toEqual([]);
	});
});
