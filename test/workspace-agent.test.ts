import { authHeaders, idsOf, jsonOf, keyLocator, requestLines, runGen, useSandbox } from './support/gen';

const gen = useSandbox();

const agents = (more: Record<string, unknown> = {}) => ({ resource: 'agent', operation: 'getAll', ...more });

describe('Workspace > Get Many', () => {
	it('sends GET /workspaces and outputs one item per workspace', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, { resource: 'workspace', operation: 'getAll' });

		expect(error).toBeUndefined();
		expect(requestLines(sandbox)).toEqual(['GET /v1/workspaces']);
		expect(authHeaders(sandbox)).toEqual([{ apiKey: sandbox.apiKey, authorization: undefined }]);
		expect(jsonOf(items)).toEqual([
			{ id: 'ws_1', name: 'Marketing' },
			{ id: 'ws_2', name: 'Sales' },
		]);
	});

	it.each([
		[{ limit: 1 }, ['ws_1']],
		[{ returnAll: true }, ['ws_1', 'ws_2']],
	])('%j', async (options, ids) => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, { resource: 'workspace', operation: 'getAll', ...options });

		expect(idsOf(items)).toEqual(ids);
		expect(requestLines(sandbox)).toEqual(['GET /v1/workspaces']);
	});
});

describe('Agent > Get Many', () => {
	it('without a workspace, sends GET /agents with no query and outputs every agent', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, agents());

		expect(error).toBeUndefined();
		expect(requestLines(sandbox)).toEqual(['GET /v1/agents']);
		expect(sandbox.requests[0].query).toEqual({});
		expect(authHeaders(sandbox)).toEqual([{ apiKey: sandbox.apiKey, authorization: undefined }]);
		expect(idsOf(items)).toEqual(['agent_1', 'agent_2', 'agent_3', 'agent_4']);
		expect(items[0].json).toEqual({
			id: 'agent_1',
			name: 'Brand Voice',
			description: 'Writes on-brand short-form video scripts',
			workspace_id: 'ws_1',
			organization_id: 'ws_1',
			time_zone: 'UTC',
			role: 'owner',
		});
	});

	it.each([
		['picked from the list', keyLocator('ws_1', 'list'), 'ws_1', ['agent_1', 'agent_2']],
		['typed as an ID', keyLocator('ws_2', 'id'), 'ws_2', ['agent_3', 'agent_4']],
		['with spaces around it', keyLocator(' ws_2 ', 'id'), 'ws_2', ['agent_3', 'agent_4']],
		['from an expression', keyLocator('={{ "ws_" + 1 }}', 'id'), 'ws_1', ['agent_1', 'agent_2']],
	])('with a workspace %s, sends it as query workspace_id', async (_case, workspaceId, sent, ids) => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, agents({ workspaceId }));

		expect(requestLines(sandbox)).toEqual([`GET /v1/agents?workspace_id=${sent}`]);
		expect(sandbox.requests[0].query).toEqual({ workspace_id: sent });
		expect(idsOf(items)).toEqual(ids);
	});

	it.each([
		['empty', keyLocator('', 'list')],
		['only spaces', keyLocator('   ', 'id')],
		['an expression giving nothing', keyLocator('={{ $json.missing }}', 'id')],
	])('with the workspace %s, sends no workspace_id at all', async (_case, workspaceId) => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, agents({ workspaceId }));

		expect(requestLines(sandbox)).toEqual(['GET /v1/agents']);
		expect(idsOf(items)).toHaveLength(4);
	});

	it('takes the workspace from each input item', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, agents({ workspaceId: keyLocator('={{ $json.ws }}') }), {
			items: [{ ws: 'ws_2' }, { ws: 'ws_1' }],
		});

		expect(requestLines(sandbox).sort()).toEqual(['GET /v1/agents?workspace_id=ws_1', 'GET /v1/agents?workspace_id=ws_2']);
		expect(items.map(({ json, pairedItem }) => [json.id, pairedItem])).toEqual([
			['agent_3', { item: 0 }],
			['agent_4', { item: 0 }],
			['agent_1', { item: 1 }],
			['agent_2', { item: 1 }],
		]);
	});

	it.each([
		[{ limit: 3 }, ['agent_1', 'agent_2', 'agent_3']],
		[{ limit: 1, workspaceId: keyLocator('ws_2') }, ['agent_3']],
		[{ returnAll: true }, ['agent_1', 'agent_2', 'agent_3', 'agent_4']],
	])('%j', async (options, ids) => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, agents(options));

		expect(idsOf(items)).toEqual(ids);
		expect(sandbox.requests).toHaveLength(1);
	});
});
