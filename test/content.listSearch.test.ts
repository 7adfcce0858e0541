/** The pickers of content production: agents, rows, columns, cells (of the chosen engine) and templates. */
import { loadListSearch } from './harness/n8n';
import { genCredentials, keyLocator, requestLines, useSandbox } from './support/gen';

const gen = useSandbox();

const ENGINE = { agentId: keyLocator('agent_1', 'list'), contentEngineId: keyLocator('101') };

const search = (method: string, parameters: Record<string, unknown>, filter?: string, paginationToken?: string) =>
	loadListSearch(method, {
		parameters: parameters as never,
		credentials: genCredentials(gen.sandbox),
		filter,
		paginationToken,
	});

describe('getAgents', () => {
	it('lists every agent by name', async () => {
		const { sandbox } = gen;
		const { results } = await search('getAgents', { resource: 'row', operation: 'getAll' });

		expect(results).toEqual([
			{ name: 'Brand Voice (agent_1)', value: 'agent_1' },
			{ name: 'Launch Campaign (agent_2)', value: 'agent_2' },
			{ name: 'Outbound SDR (agent_3)', value: 'agent_3' },
			{ name: 'Deal Desk (agent_4)', value: 'agent_4' },
		]);
		expect(requestLines(sandbox)).toEqual(['GET /v1/agents']);
	});

	it('filters by name or ID', async () => {
		expect((await search('getAgents', { resource: 'template', operation: 'clone' }, 'DESK')).results).toEqual([
			{ name: 'Deal Desk (agent_4)', value: 'agent_4' },
		]);
		expect((await search('getAgents', { resource: 'row', operation: 'getAll' }, 'agent_2')).results.map((r) => r.value)).toEqual(['agent_2']);
	});
});

describe('getRows, getColumns, getCells: of the chosen engine, for the chosen agent', () => {
	it('getRows: position and the first cell', async () => {
		const { sandbox } = gen;
		const { results } = await search('getRows', { resource: 'row', operation: 'get', ...ENGINE });

		expect(results).toEqual([
			{ name: expect.stringMatching(/^Row 1 \(301\): Stop scrolling/), value: '301' },
			{ name: 'Row 2 (302): Nobody tells you this about cold brew', value: '302' },
			{ name: expect.stringMatching(/^Row 3 \(303\): I tried every productivity app/), value: '303' },
			{ name: 'Row 4 (304): The 5-second rule, tested for 30 days', value: '304' },
		]);
		expect(requestLines(sandbox)).toEqual(['GET /v1/vidsheet/101/rows?agent_id=agent_1']);
	});

	it('getColumns: title and type', async () => {
		const { sandbox } = gen;
		const { results } = await search('getColumns', { resource: 'cell', operation: 'getAll', ...ENGINE }, 'text');

		expect(results).toEqual([
			{ name: 'Hook (201, text)', value: '201' },
			{ name: 'Script (202, text)', value: '202' },
		]);
		expect(requestLines(sandbox)).toEqual(['GET /v1/vidsheet/101/columns?agent_id=agent_1']);
	});

	it('getCells: every cell of the engine by row and column, found by column name', async () => {
		const { sandbox } = gen;
		const all = await search('getCells', { resource: 'cell', operation: 'update', ...ENGINE });
		const script = await search('getCells', { resource: 'cell', operation: 'update', ...ENGINE }, 'script');

		expect(all.results).toHaveLength(16);
		// The ID beside row and column tells apart cells whose previews look alike.
		expect(script.results).toEqual([
			{ name: expect.stringMatching(/^Row 1 · Script \(4012\): Most people/), value: '4012' },
			{ name: 'Row 2 · Script (4022): (empty)', value: '4022' },
			{ name: 'Row 3 · Script (4032): (empty)', value: '4032' },
			{ name: expect.stringMatching(/^Row 4 · Script \(4042\): Day one/), value: '4042' },
		]);
		expect(requestLines(sandbox)).toEqual([
			'GET /v1/vidsheet/101?agent_id=agent_1',
			'GET /v1/vidsheet/101?agent_id=agent_1',
		]);
	});

	it.each([
		['no agent', { contentEngineId: keyLocator('101') }, 'Choose the Agent first'],
		['no engine', { agentId: keyLocator('agent_1') }, 'Choose the Vidsheet first'],
		['an engine from an expression', { agentId: keyLocator('agent_1'), contentEngineId: keyLocator('={{ $json.id }}') }, 'Choose the Vidsheet first'],
		['a dot-only engine', { agentId: keyLocator('agent_1'), contentEngineId: keyLocator('..') }, 'Choose the Vidsheet first'],
	])('with %s: a message saying what to choose, nothing sent', async (_case, parameters, message) => {
		const { sandbox } = gen;
		for (const method of ['getRows', 'getColumns', 'getCells']) {
			await expect(search(method, { resource: 'cell', operation: 'get', ...parameters })).rejects.toThrow(message);
		}
		expect(sandbox.requests).toEqual([]);
	});

	it('an engine ID is one encoded path segment', async () => {
		const { sandbox } = gen;
		await expect(search('getRows', { resource: 'row', operation: 'get', agentId: keyLocator('agent_1'), contentEngineId: keyLocator('../me') })).rejects.toThrow(
			'GEN API error 404',
		);
		expect(requestLines(sandbox)).toEqual(['GET /v1/vidsheet/..%2Fme/rows?agent_id=agent_1']);
	});
});

describe('getTemplates: one GEN page per load', () => {
	it('first page: 20 templates by title and slug, slug as value, a token for the next', async () => {
		const { sandbox } = gen;
		const { results, paginationToken } = await search('getTemplates', { resource: 'template', operation: 'get' });

		expect(results).toHaveLength(20);
		expect(results[1]).toEqual({ name: 'UGC Script to Video (ugc-script-to-video)', value: 'ugc-script-to-video' });
		expect(paginationToken).toBe('2');
		expect(requestLines(sandbox)).toEqual(['GET /v1/templates/projects?page=1']);
	});

	it('the last (short) page has no token', async () => {
		const { sandbox } = gen;
		const { results, paginationToken } = await search('getTemplates', { resource: 'template', operation: 'clone' }, undefined, '2');

		expect(results.map((r) => r.value)).toEqual(['linkedin-thought-leader', 'lipsync-avatar-ad', 'music-visualizer']);
		expect(paginationToken).toBeUndefined();
		expect(requestLines(sandbox)).toEqual(['GET /v1/templates/projects?page=2']);
	});

	it('filters by title or slug', async () => {
		const { results } = await search('getTemplates', { resource: 'template', operation: 'get' }, 'ugc-script');

		expect(results.map((r) => r.value)).toEqual(['ugc-script-to-video']);
	});
});
