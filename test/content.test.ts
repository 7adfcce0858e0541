/** Content production: content engines, templates, rows, columns, cells and workspace credits. */
import { idsOf, jsonOf, keyLocator, received, requestLines, runGen, shown, useSandbox, type GenParameters } from './support/gen';

const gen = useSandbox();

const AGENT = keyLocator('agent_1');
const ENGINE = { agentId: AGENT, contentEngineId: keyLocator('101') };
const SCRIPT_COLUMN = 202;

const CREDITS_ADVICE =
	"The workspace of this agent has no usable GEN credits. Top up in GEN (Settings > Billing), or pick an agent of another workspace; Workspace > Get shows a workspace's balance.";

const engine = () => gen.sandbox.state.content.engines;

describe('Content Engine', () => {
	it('Create sends the title and is_default under "spreadsheet", scoped to the agent', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, {
			resource: 'contentEngine',
			operation: 'create',
			agentId: AGENT,
			title: 'March Campaign',
		});

		expect(error).toBeUndefined();
		expect(requestLines(sandbox)).toEqual(['POST /v1/vidsheet?agent_id=agent_1']);
		expect(received(sandbox)[0].body).toEqual({ spreadsheet: { title: 'March Campaign', is_default: false } });
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({ title: 'March Campaign', is_default: false, spreadsheet_columns: [], spreadsheet_rows: [] }),
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(engine().map((e) => e.title)).toContain('March Campaign');
	});

	it('Create with Default Engine on sends is_default true', async () => {
		const { sandbox } = gen;
		await runGen(sandbox, { resource: 'contentEngine', operation: 'create', agentId: AGENT, title: 'Main', isDefault: true });

		expect(received(sandbox)[0].body).toEqual({ spreadsheet: { title: 'Main', is_default: true } });
	});

	it.each([
		['a blank title', { agentId: AGENT, title: '  ' }, 'Title is empty'],
		['no agent (an expression giving nothing)', { agentId: keyLocator('={{ $json.missing }}'), title: 'x' }, 'Agent is empty'],
	])('Create with %s is refused before sending', async (_case, fields, message) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, { resource: 'contentEngine', operation: 'create', ...fields });

		expect(error?.message).toBe(message);
		expect(sandbox.requests).toEqual([]);
	});

	it('Get reads the engine with its columns, rows and cells', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, { resource: 'contentEngine', operation: 'get', agentId: AGENT, engineId: keyLocator('101') });

		expect(requestLines(sandbox)).toEqual(['GET /v1/vidsheet/101?agent_id=agent_1']);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: 101, title: 'Brand Voice Shorts' });
		expect((items[0].json.spreadsheet_rows as unknown[]).length).toBe(4);
		expect(items[0].json.spreadsheet_rows).not.toContainEqual(expect.objectContaining({ execution_cost: expect.anything() }));
	});

	it('Get with the option With Execution Cost sends with_execution_cost=true', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, {
			resource: 'contentEngine',
			operation: 'get',
			agentId: AGENT,
			engineId: keyLocator('101'),
			options: { withExecutionCost: true },
		});

		expect(requestLines(sandbox)).toEqual(['GET /v1/vidsheet/101?agent_id=agent_1&with_execution_cost=true']);
		expect((items[0].json.spreadsheet_rows as Array<{ execution_cost: string }>)[0].execution_cost).toBe('0.0');
	});

	it('Get of another agent\'s engine: GEN\'s 404 with advice naming the content engine', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, {
			resource: 'contentEngine',
			operation: 'get',
			agentId: keyLocator('agent_3'),
			engineId: keyLocator('101'),
		});

		expect(shown(error)).toEqual({
			message: 'GEN API error 404: Not found [not_found]',
			description: 'GEN has no such content engine for this agent, or it belongs to another user. Pick it from the list, or check its ID.',
			httpCode: '404',
		});
	});

	it('Get with an unknown agent: advice to pick the agent from the list', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, {
			resource: 'contentEngine',
			operation: 'get',
			agentId: keyLocator('agent_99'),
			engineId: keyLocator('101'),
		});

		expect(error?.message).toBe('GEN API error 422: Agent not found [agent_not_found]');
		expect(error?.description).toMatch(/^GEN has no such agent, or it is not one of yours\. Pick the agent from the list/);
	});

	it('Clone without a target agent sends no body: the copy stays with the agent', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, { resource: 'contentEngine', operation: 'clone', agentId: AGENT, engineId: keyLocator('101') });

		expect(requestLines(sandbox)).toEqual(['POST /v1/vidsheet/101/clone?agent_id=agent_1']);
		expect(received(sandbox)[0].body).toBeUndefined();
		expect(items[0].json.id).not.toBe(101);
		expect(items[0].json.title).toBe('Brand Voice Shorts');
	});

	it('Clone with a target agent sends target_agent_id', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, {
			resource: 'contentEngine',
			operation: 'clone',
			agentId: AGENT,
			engineId: keyLocator('101'),
			targetAgentId: keyLocator('agent_2', 'list'),
		});

		expect(requestLines(sandbox)).toEqual(['POST /v1/vidsheet/101/clone?agent_id=agent_1']);
		expect(received(sandbox)[0].body).toEqual({ target_agent_id: 'agent_2' });
		const copy = items[0].json.id;
		await runGen(sandbox, { resource: 'contentEngine', operation: 'get', agentId: keyLocator('agent_2'), engineId: keyLocator(String(copy)) });
		expect(sandbox.requests.at(-1)?.url).toBe(`/v1/vidsheet/${String(copy)}?agent_id=agent_2`);
	});
});

describe('Template', () => {
	const templates = (more: GenParameters) => runGen(gen.sandbox, { resource: 'template', operation: 'getAll', ...more });

	it.each([
		['Return All reads pages until a short one', { returnAll: true }, ['1', '2'], 23],
		['Limit 5 reads one page', { limit: 5 }, ['1'], 5],
		['Limit 20 reads one page', { limit: 20 }, ['1'], 20],
		['Limit 25 reads two pages', { limit: 25 }, ['1', '2'], 23],
	])('Get Many: %s', async (_case, options, pages, count) => {
		const { sandbox } = gen;
		const { items, error } = await templates(options);

		expect(error).toBeUndefined();
		expect(requestLines(sandbox)).toEqual(pages.map((page) => `GET /v1/templates/projects?page=${page}`));
		expect(items).toHaveLength(count);
		expect(items[0].json.slug).toBe('tiktok-video-creator');
		expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
	});

	it('Get Many with Return All stops at an empty page too', async () => {
		const { sandbox } = gen;
		sandbox.state.content.templates.splice(20);
		const { items } = await templates({ returnAll: true });

		expect(requestLines(sandbox)).toEqual(['GET /v1/templates/projects?page=1', 'GET /v1/templates/projects?page=2']);
		expect(items).toHaveLength(20);
	});

	it('Get Many sends no agent_id', async () => {
		const { sandbox } = gen;
		await templates({ limit: 1 });

		expect(sandbox.requests[0].query).toEqual({ page: '1' });
	});

	it('Get by slug', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, { resource: 'template', operation: 'get', templateSlug: keyLocator('ugc-script-to-video', 'list') });

		expect(requestLines(sandbox)).toEqual(['GET /v1/templates/projects/ugc-script-to-video']);
		expect(items[0].json).toMatchObject({ slug: 'ugc-script-to-video' });
		expect((items[0].json.spreadsheet_columns as Array<{ title: string }>).map((c) => c.title)).toEqual([
			'Hook',
			'Script',
			'Voiceover',
			'Final Video',
		]);
	});

	it('Get of an unknown template: 404 advice names the template', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, { resource: 'template', operation: 'get', templateSlug: keyLocator('no-such-template') });

		expect(error?.description).toBe('GEN has no such template, or it belongs to another user. Pick it from the list, or check its ID.');
	});

	it('Clone sends the agent in the body and outputs the new engine', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, {
			resource: 'template',
			operation: 'clone',
			templateSlug: keyLocator('ugc-script-to-video'),
			targetAgentId: AGENT,
		});

		expect(error).toBeUndefined();
		expect(requestLines(sandbox)).toEqual(['POST /v1/templates/spreadsheets/ugc-script-to-video/clone']);
		expect(received(sandbox)[0].body).toEqual({ agent_id: 'agent_1' });
		expect(items).toHaveLength(1);
		expect((items[0].json.spreadsheet_columns as Array<{ title: string }>).map((c) => c.title)).toEqual([
			'Hook',
			'Script',
			'Voiceover',
			'Final Video',
		]);
		expect(engine().map((e) => e.id)).toContain(items[0].json.id);
	});

	it('Clone without a target agent is refused before sending', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, { resource: 'template', operation: 'clone', templateSlug: keyLocator('ugc-script-to-video') });

		expect(error?.message).toBe('Target Agent is empty');
		expect(sandbox.requests).toEqual([]);
	});
});

describe('Row', () => {
	it('Get Many lists the rows with their cells; Limit trims', async () => {
		const { sandbox } = gen;
		const all = await runGen(sandbox, { resource: 'row', operation: 'getAll', ...ENGINE, returnAll: true });
		const two = await runGen(sandbox, { resource: 'row', operation: 'getAll', ...ENGINE, limit: 2 });

		expect(requestLines(sandbox)).toEqual([
			'GET /v1/vidsheet/101/rows?agent_id=agent_1',
			'GET /v1/vidsheet/101/rows?agent_id=agent_1',
		]);
		expect(idsOf(all.items)).toEqual([301, 302, 303, 304]);
		expect(idsOf(two.items)).toEqual([301, 302]);
		expect((all.items[0].json.spreadsheet_cells as unknown[]).length).toBe(4);
	});

	it('Get', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, { resource: 'row', operation: 'get', ...ENGINE, rowId: keyLocator('302', 'list') });

		expect(requestLines(sandbox)).toEqual(['GET /v1/vidsheet/101/rows/302?agent_id=agent_1']);
		expect(items[0].json).toMatchObject({ id: 302, position: 2 });
	});

	it('Get of an unknown row: 404 advice names the row', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, { resource: 'row', operation: 'get', ...ENGINE, rowId: keyLocator('999') });

		expect(error?.description).toBe(
			'GEN has no such row (or content engine for this agent), or it belongs to another user. Pick it from the list, or check its ID.',
		);
	});

	it('Create appends a row (body spreadsheet_row) or puts it at Options > Position', async () => {
		const { sandbox } = gen;
		const appended = await runGen(sandbox, { resource: 'row', operation: 'create', ...ENGINE });
		const first = await runGen(sandbox, { resource: 'row', operation: 'create', ...ENGINE, options: { position: 1 } });

		expect(received(sandbox)).toEqual([
			{ method: 'POST', path: '/v1/vidsheet/101/rows', body: { spreadsheet_row: {} } },
			{ method: 'POST', path: '/v1/vidsheet/101/rows', body: { spreadsheet_row: { position: 1 } } },
		]);
		expect(sandbox.requests.map((r) => r.query)).toEqual([{ agent_id: 'agent_1' }, { agent_id: 'agent_1' }]);
		expect(appended.items[0].json.position).toBe(5);
		expect(first.items[0].json.position).toBe(1);
		expect((first.items[0].json.spreadsheet_cells as Array<{ value: unknown }>).map((c) => c.value)).toEqual([null, null, null, null]);
	});

	it.each([0, 1.5, '={{ "first" }}'])('Create refuses the position %p before sending', async (position) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, { resource: 'row', operation: 'create', ...ENGINE, options: { position } });

		expect(error?.message).toBe('"Position" must be a whole number of 1 or more');
		expect(sandbox.requests).toEqual([]);
	});

	it('Duplicate copies the row with its values', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, { resource: 'row', operation: 'duplicate', ...ENGINE, rowId: keyLocator('301') });

		expect(requestLines(sandbox)).toEqual(['POST /v1/vidsheet/101/rows/301/duplicate?agent_id=agent_1']);
		expect(items[0].json.id).not.toBe(301);
		expect((items[0].json.spreadsheet_cells as Array<{ value: string }>)[0].value).toMatch(/^Stop scrolling/);
	});
});

describe('Column', () => {
	it('Get Many', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, { resource: 'column', operation: 'getAll', ...ENGINE, returnAll: true });

		expect(requestLines(sandbox)).toEqual(['GET /v1/vidsheet/101/columns?agent_id=agent_1']);
		expect(jsonOf(items).map((c) => [c.id, c.title, c.type])).toEqual([
			[201, 'Hook', 'text'],
			[202, 'Script', 'text'],
			[203, 'Voiceover', 'audio'],
			[204, 'Final Video', 'video'],
		]);
	});

	it('Create sends spreadsheet_column {title, type, position}', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, {
			resource: 'column',
			operation: 'create',
			...ENGINE,
			title: 'Thumbnail',
			columnType: 'image',
			options: { position: 2 },
		});

		expect(requestLines(sandbox)).toEqual(['POST /v1/vidsheet/101/columns?agent_id=agent_1']);
		expect(received(sandbox)[0].body).toEqual({ spreadsheet_column: { title: 'Thumbnail', type: 'image', position: 2 } });
		expect(items[0].json).toMatchObject({ title: 'Thumbnail', type: 'image', position: 2 });
	});

	it('Create without options sends title and type (text) only', async () => {
		const { sandbox } = gen;
		await runGen(sandbox, { resource: 'column', operation: 'create', ...ENGINE, title: 'Caption' });

		expect(received(sandbox)[0].body).toEqual({ spreadsheet_column: { title: 'Caption', type: 'text' } });
	});
});

describe('Cell', () => {
	it('Get', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, { resource: 'cell', operation: 'get', ...ENGINE, cellId: keyLocator('4012') });

		expect(requestLines(sandbox)).toEqual(['GET /v1/vidsheet/101/cells/4012?agent_id=agent_1']);
		expect(items[0].json).toMatchObject({ id: 4012, spreadsheet_column_id: 202, spreadsheet_row_id: 301 });
	});

	it('Update sends one update action to the batched path and outputs the updated cell', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, {
			resource: 'cell',
			operation: 'update',
			...ENGINE,
			cellId: keyLocator('4022'),
			value: 'A script about cold brew',
		});

		expect(received(sandbox)).toEqual([
			{
				method: 'POST',
				path: '/v1/vidsheet/actions',
				body: { agent_id: 'agent_1', actions: [{ action: 'update', target: { kind: 'cell', vidsheet_id: 101, id: 4022 }, values: { value: 'A script about cold brew' } }] },
			},
		]);
		expect(sandbox.requests[0].query).toEqual({});
		expect(items[0].json).toMatchObject({ id: 4022, value: 'A script about cold brew' });
	});

	it('Update with a number from an expression sends it as text; with an object refuses', async () => {
		const { sandbox } = gen;
		await runGen(sandbox, { resource: 'cell', operation: 'update', ...ENGINE, cellId: keyLocator('4022'), value: '={{ 42 }}' });
		const { error } = await runGen(sandbox, {
			resource: 'cell',
			operation: 'update',
			...ENGINE,
			cellId: keyLocator('4022'),
			value: '={{ { a: 1 } }}',
		});

		expect(received(sandbox).map((r) => (r.body as { actions: Array<{ values: unknown }> }).actions[0].values)).toEqual([{ value: '42' }]);
		expect(error?.message).toBe('Value must be text');
	});

	it('Update over several items: each its own cell; with Continue On Fail a bad cell is that item\'s error', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(
			sandbox,
			{ resource: 'cell', operation: 'update', ...ENGINE, cellId: keyLocator('={{ $json.cell_id }}'), value: '={{ $json.text }}' },
			{ items: [{ cell_id: 4022, text: 'one' }, { cell_id: 9999, text: 'ghost' }, { cell_id: 4032, text: 'two' }], continueOnFail: true },
		);

		expect(jsonOf(items).map((json) => json.error ?? json.value)).toEqual(['one', 'GEN API error 422: No such cell in vidsheet 101 [invalid_action] (field target.id)', 'two']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	describe('Get Many', () => {
		const cells = (more: GenParameters = {}) =>
			runGen(gen.sandbox, { resource: 'cell', operation: 'getAll', ...ENGINE, returnAll: true, ...more });

		it('reads the engine once and outputs one item per cell, with where it sits first', async () => {
			const { sandbox } = gen;
			const { items, error } = await cells();

			expect(error).toBeUndefined();
			expect(requestLines(sandbox)).toEqual(['GET /v1/vidsheet/101?agent_id=agent_1']);
			expect(items).toHaveLength(16);
			expect(idsOf(items)).toEqual([4011, 4012, 4013, 4014, 4021, 4022, 4023, 4024, 4031, 4032, 4033, 4034, 4041, 4042, 4043, 4044]);
			expect(Object.keys(items[5].json).slice(0, 6)).toEqual(['cell_id', 'row_id', 'row_position', 'column_id', 'column_name', 'value']);
			expect(items[5].json).toEqual({
				cell_id: 4022,
				row_id: 302,
				row_position: 2,
				column_id: 202,
				column_name: 'Script',
				value: null,
				id: 4022,
				spreadsheet_column_id: 202,
				spreadsheet_row_id: 302,
				additional_attributes: {},
				cell_role: 'content',
				created_at_ts: expect.any(Number),
				updated_at_ts: expect.any(Number),
				default_user_job: null,
				user_jobs: [],
				video_layers: [],
			});
			expect(items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		});

		it.each([
			['the empty Script cells (GEN\'s n8n guide)', { columnName: 'Script', onlyEmpty: true }, [4022, 4032]],
			['a column name in any case, with spaces', { columnName: ' script ', onlyEmpty: true }, [4022, 4032]],
			['by column ID (from the list)', { columnId: keyLocator(String(SCRIPT_COLUMN), 'list') }, [4012, 4022, 4032, 4042]],
			['by column ID and empty only', { columnId: keyLocator('204'), onlyEmpty: true }, [4024, 4034, 4044]],
			['empty only, every column', { onlyEmpty: true }, [4022, 4023, 4024, 4032, 4033, 4034, 4044]],
			['a column without empty cells: nothing', { columnName: 'Hook', onlyEmpty: true }, []],
			['a Limit', { columnName: 'Script', returnAll: false, limit: 1 }, [4012]],
		])('%s', async (_case, filters, ids) => {
			const { sandbox } = gen;
			const { items, error } = await cells(filters);

			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.cell_id)).toEqual(ids);
			expect(sandbox.requests).toHaveLength(1);
		});

		it('a blank string counts as empty', async () => {
			const { sandbox } = gen;
			await runGen(sandbox, { resource: 'cell', operation: 'update', ...ENGINE, cellId: keyLocator('4012'), value: '   ' });
			const { items } = await cells({ columnName: 'Script', onlyEmpty: true });

			expect(items.map((item) => item.json.cell_id)).toEqual([4012, 4022, 4032]);
		});

		it.each([
			['a column name', { columnName: 'Scrpt' }, 'The content engine has no column named "Scrpt"'],
			['a column ID', { columnId: keyLocator('999') }, 'The content engine has no column with ID 999'],
			['name and ID that disagree', { columnName: 'Hook', columnId: keyLocator('202') }, 'The content engine has no column named "Hook" and with ID 202'],
		])('an unknown %s is an error listing the columns, not "nothing to do"', async (_case, filters, message) => {
			const { error, items } = await cells(filters);

			expect(shown(error)).toEqual({
				message,
				description: 'Its columns: Hook (201), Script (202), Voiceover (203), Final Video (204).',
				httpCode: null,
			});
			expect(items).toEqual([]);
		});

		it('takes the engine from each input item: one read per item, each item\'s cells paired to it', async () => {
			const { sandbox } = gen;
			const cloned = await runGen(sandbox, {
				resource: 'template',
				operation: 'clone',
				templateSlug: keyLocator('ugc-script-to-video'),
				targetAgentId: AGENT,
			});
			sandbox.clearRequests();
			const { items } = await runGen(
				sandbox,
				{ resource: 'cell', operation: 'getAll', agentId: AGENT, contentEngineId: keyLocator('={{ $json.id }}'), returnAll: true, columnName: 'Script', onlyEmpty: true },
				{ items: [{ id: 101 }, { id: cloned.items[0].json.id }] },
			);

			expect(items.map((item) => [item.json.row_position, item.pairedItem])).toEqual([
				[2, { item: 0 }],
				[3, { item: 0 }],
				[1, { item: 1 }],
			]);
			expect(sandbox.requests).toHaveLength(2);
		});
	});
});

describe('Workspace > Get', () => {
	it('reads GET /organizations/{id}: the workspace with its credits', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, { resource: 'workspace', operation: 'get', organizationId: keyLocator('ws_1', 'list') });

		expect(requestLines(sandbox)).toEqual(['GET /v1/organizations/ws_1']);
		expect(items[0].json).toMatchObject({
			id: 'ws_1',
			name: 'Marketing',
			credit: 250,
			available_credit: { generic: 200, aura: 50 },
			credit_plan: { id: 'plan_pro', name: 'Pro', cycle: 'MONTHLY' },
		});
	});

	it('an unknown workspace: GEN\'s 422 with advice to pick it from the list', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, { resource: 'workspace', operation: 'get', organizationId: keyLocator('ws_9') });

		expect(error?.message).toBe('GEN API error 422: Organization not found [organization_not_found]');
		expect(error?.description).toBe(
			'GEN has no such workspace, or you are not a member of it. Pick it from the list (Workspace > Get Many lists yours), or check its ID.',
		);
	});
});

describe('No usable GEN credits (422 usable_gen_credit_required)', () => {
	it.each([
		['Content Engine > Get', { resource: 'contentEngine', operation: 'get', agentId: AGENT, engineId: keyLocator('101') }],
		['Cell > Get Many', { resource: 'cell', operation: 'getAll', ...ENGINE, columnName: 'Script', onlyEmpty: true }],
		['Row > Create', { resource: 'row', operation: 'create', ...ENGINE }],
	])('%s: GEN\'s message and advice to top up or look at Workspace > Get', async (_case, parameters) => {
		const { sandbox } = gen;
		sandbox.setCredits(false);
		const { error, items } = await runGen(sandbox, parameters);

		expect(shown(error)).toEqual({
			message: 'GEN API error 422: GEN credits are required to use the API. [usable_gen_credit_required]',
			description: CREDITS_ADVICE,
			httpCode: '422',
		});
		expect(error?.description).not.toMatch(/Retry On Fail/);
		expect(items).toEqual([]);
	});

	it('Workspace > Get still answers and shows the empty balance', async () => {
		const { sandbox } = gen;
		sandbox.setCredits(false);
		const { items } = await runGen(sandbox, { resource: 'workspace', operation: 'get', organizationId: keyLocator('ws_1') });

		expect(items[0].json.available_credit).toEqual({ generic: 0, aura: 0 });
	});
});
