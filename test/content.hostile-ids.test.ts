/** Every ID that goes into a content-production path is one URL-encoded segment, or refused. */
import { keyLocator, runGen, useSandbox, type GenParameters } from './support/gen';
import { ENCODED, REFUSED } from './support/hostile-ids';

const gen = useSandbox();

const AGENT = keyLocator('agent_1');
const ENGINE = { agentId: AGENT, contentEngineId: keyLocator('101') };



/** [operation, its parameters with the hostile ID as `id`, the path it may reach (`{id}` = encoded), label]. */
const PATHS: Array<[string, (id: string) => GenParameters, string, string]> = [
	['Content Engine > Get', (id) => ({ resource: 'contentEngine', operation: 'get', agentId: AGENT, engineId: keyLocator(id) }), 'GET /v1/vidsheet/{id}', 'Vidsheet'],
	['Content Engine > Clone', (id) => ({ resource: 'contentEngine', operation: 'clone', agentId: AGENT, engineId: keyLocator(id) }), 'POST /v1/vidsheet/{id}/clone', 'Vidsheet'],
	['Row > Get Many (engine)', (id) => ({ resource: 'row', operation: 'getAll', agentId: AGENT, contentEngineId: keyLocator(id) }), 'GET /v1/vidsheet/{id}/rows', 'Vidsheet'],
	['Row > Create (engine)', (id) => ({ resource: 'row', operation: 'create', agentId: AGENT, contentEngineId: keyLocator(id) }), 'POST /v1/vidsheet/{id}/rows', 'Vidsheet'],
	['Row > Get', (id) => ({ resource: 'row', operation: 'get', ...ENGINE, rowId: keyLocator(id) }), 'GET /v1/vidsheet/101/rows/{id}', 'Row'],
	['Row > Duplicate', (id) => ({ resource: 'row', operation: 'duplicate', ...ENGINE, rowId: keyLocator(id) }), 'POST /v1/vidsheet/101/rows/{id}/duplicate', 'Row'],
	['Column > Get Many (engine)', (id) => ({ resource: 'column', operation: 'getAll', agentId: AGENT, contentEngineId: keyLocator(id) }), 'GET /v1/vidsheet/{id}/columns', 'Vidsheet'],
	['Column > Create (engine)', (id) => ({ resource: 'column', operation: 'create', agentId: AGENT, contentEngineId: keyLocator(id), title: 'x' }), 'POST /v1/vidsheet/{id}/columns', 'Vidsheet'],
	['Cell > Get Many (engine)', (id) => ({ resource: 'cell', operation: 'getAll', agentId: AGENT, contentEngineId: keyLocator(id) }), 'GET /v1/vidsheet/{id}', 'Vidsheet'],
	['Cell > Get', (id) => ({ resource: 'cell', operation: 'get', ...ENGINE, cellId: keyLocator(id) }), 'GET /v1/vidsheet/101/cells/{id}', 'Cell'],
	['Template > Get', (id) => ({ resource: 'template', operation: 'get', templateSlug: keyLocator(id) }), 'GET /v1/templates/projects/{id}', 'Template'],
	['Template > Clone', (id) => ({ resource: 'template', operation: 'clone', templateSlug: keyLocator(id), targetAgentId: AGENT }), 'POST /v1/templates/spreadsheets/{id}/clone', 'Template'],
	['Workspace > Get', (id) => ({ resource: 'workspace', operation: 'get', organizationId: keyLocator(id) }), 'GET /v1/organizations/{id}', 'Workspace'],
];

describe.each(PATHS)('%s with a hostile ID', (_operation, parameters, line, label) => {
	it.each(ENCODED)('%p reaches only its own path segment, encoded', async (id, encoded) => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, parameters(id));

		expect(sandbox.requests.map(({ method, path, headers }) => [`${method} ${path}`, headers.host])).toEqual([
			[line.replace('{id}', encoded), `127.0.0.1:${sandbox.port}`],
		]);
		expect(items).toEqual([]);
		// Nothing changed in GEN: the seeded engine keeps its 4 rows and 4 columns and its empty cells.
		const seeded = sandbox.state.content.engines.find((e) => e.id === 101);
		expect([seeded?.rows.length, seeded?.columns.length]).toEqual([4, 4]);
	});

	it.each(REFUSED)('%p is refused before sending anything', async (id) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, parameters(id));

		expect(error?.message).toBe(`${label} "${id}" is not a valid ID`);
		expect(sandbox.requests).toEqual([]);
	});
});

describe('Cell > Update with a hostile ID (its IDs go in the body of the batched path)', () => {
	const update = (cell: string, engine = '101') => ({ resource: 'cell', operation: 'update', agentId: AGENT, contentEngineId: keyLocator(engine), cellId: keyLocator(cell), value: 'pwned' });

	it.each(ENCODED)('%p is the target\'s ID as given, on the fixed path', async (id) => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, update(id));

		expect(sandbox.requests.map(({ method, url, headers, body }) => [`${method} ${url}`, headers.host, (body as { actions: Array<{ target: unknown }> }).actions[0].target])).toEqual([
			['POST /v1/vidsheet/actions', `127.0.0.1:${sandbox.port}`, { kind: 'cell', vidsheet_id: 101, id }],
		]);
		expect(items).toEqual([]);
		const seeded = sandbox.state.content.engines.find((e) => e.id === 101);
		expect(seeded?.rows.flatMap((row) => row.cells).some((cell) => cell.value === 'pwned')).toBe(false);
	});

	it.each(REFUSED)('%p (cell or vidsheet) is refused before sending anything', async (id) => {
		const { sandbox } = gen;
		const cell = await runGen(sandbox, update(id));
		const engine = await runGen(sandbox, update('4022', id));

		expect([cell.error?.message, engine.error?.message]).toEqual([`Cell "${id}" is not a valid ID`, `Vidsheet "${id}" is not a valid ID`]);
		expect(sandbox.requests).toEqual([]);
	});
});

describe('Hostile agent IDs stay one agent_id value', () => {
	it.each([
		['agent_1&agent_id=agent_3', 'agent_1%26agent_id%3Dagent_3'],
		['agent_1#x', 'agent_1%23x'],
		['../me', '..%2Fme'],
	])('%p in the query of Cell > Get Many', async (agent, encoded) => {
		const { sandbox } = gen;
		await runGen(sandbox, { resource: 'cell', operation: 'getAll', agentId: keyLocator(agent), contentEngineId: keyLocator('101') });

		expect(sandbox.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([`GET /v1/vidsheet/101?agent_id=${encoded}`]);
		expect(sandbox.requests[0].query).toEqual({ agent_id: agent });
	});

	it.each(REFUSED)('%p as the agent is refused', async (agent) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, { resource: 'row', operation: 'getAll', agentId: keyLocator(agent), contentEngineId: keyLocator('101') });

		expect(error?.message).toBe(`Agent "${agent}" is not a valid ID`);
		expect(sandbox.requests).toEqual([]);
	});

	it('a target agent goes into the body as given', async () => {
		const { sandbox } = gen;
		await runGen(sandbox, { resource: 'template', operation: 'clone', templateSlug: keyLocator('ugc-script-to-video'), targetAgentId: keyLocator('../me') });

		expect(sandbox.requests.map(({ method, url, body }) => [method, url, body])).toEqual([
			['POST', '/v1/templates/spreadsheets/ugc-script-to-video/clone', { agent_id: '../me' }],
		]);
	});
});
