/** Cell > Update goes to GEN through its batched path, POST /v1/vidsheet/actions: few requests, all or none, idempotent. */
import type { IDataObject } from 'n8n-workflow';
import type { Sandbox } from './sandbox/server';
import { jsonOf, keyLocator, runGen, shown, useSandbox, type GenParameters } from './support/gen';

const gen = useSandbox({ validate: true });

const ENGINE = { agentId: keyLocator('agent_1'), contentEngineId: keyLocator('101') };
const UPDATE: GenParameters = { resource: 'cell', operation: 'update', ...ENGINE, cellId: keyLocator('={{ $json.cell }}'), value: '={{ $json.text }}' };

type Action = { action: string; target: { kind: string; vidsheet_id: number; id: number }; values: IDataObject };
type Batch = { agent_id: string; actions: Action[] };

const batches = (sandbox: Sandbox) =>
	sandbox.requests.filter((r) => r.path === '/v1/vidsheet/actions').map((r) => ({ body: r.body as Batch, key: r.headers['idempotency-key'] as string }));
const cellIdsOf = (sandbox: Sandbox, engineId = 101) =>
	sandbox.state.content.engines.find((e) => e.id === engineId)?.rows.flatMap((row) => row.cells.map((cell) => cell.id)) ?? [];
const valueOf = (sandbox: Sandbox, cellId: number) =>
	sandbox.state.content.engines.flatMap((e) => e.rows.flatMap((row) => row.cells)).find((cell) => cell.id === cellId)?.value;

/** Adds rows to the seeded vidsheet (4 cells each) through GEN's API, then forgets those requests. */
async function addRows(sandbox: Sandbox, count: number) {
	for (let i = 0; i < count; i++) {
		await fetch(`${sandbox.baseUrl}/vidsheet/101/rows?agent_id=agent_1`, {
			method: 'POST',
			headers: { 'X-API-Key': sandbox.apiKey, 'Content-Type': 'application/json' },
			body: '{}',
		});
	}
	sandbox.clearRequests();
}

const itemsFor = (cells: number[]) => cells.map((cell, i) => ({ cell, text: `text ${i + 1}` }));

describe('Cell > Update, batched', () => {
	it('one item: one POST of one update action, with an idempotency key; the output is the updated cell', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, { ...UPDATE, cellId: keyLocator('4022'), value: 'A script about cold brew' });

		expect(error).toBeUndefined();
		expect(sandbox.requests.map(({ method, url }) => `${method} ${url}`)).toEqual(['POST /v1/vidsheet/actions']);
		expect(batches(sandbox)[0].body).toEqual({
			agent_id: 'agent_1',
			actions: [{ action: 'update', target: { kind: 'cell', vidsheet_id: 101, id: 4022 }, values: { value: 'A script about cold brew' } }],
		});
		expect(batches(sandbox)[0].key).toMatch(/^n8n-.+-0-0-[0-9a-f]{8}$/);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: 4022, value: 'A script about cold brew', spreadsheet_row_id: 302 });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(valueOf(sandbox, 4022)).toBe('A script about cold brew');
	});

	it.each([
		[50, [50]],
		[51, [50, 1]],
		[500, [50, 50, 50, 50, 50, 50, 50, 50, 50, 50]],
	])('%i items of one vidsheet: batches of %j, each item its own cell, in input order', async (count, sizes) => {
		const { sandbox } = gen;
		await addRows(sandbox, 124);
		const cells = cellIdsOf(sandbox).slice(0, count);
		const { items, error } = await runGen(sandbox, UPDATE, { items: itemsFor(cells) });

		expect(error).toBeUndefined();
		expect(batches(sandbox).map(({ body }) => body.actions.length).sort((a, b) => b - a)).toEqual(sizes);
		const sent = batches(sandbox).flatMap(({ body }) => body.actions.map((action) => action.target.id));
		expect([...sent].sort((a, b) => a - b)).toEqual([...cells].sort((a, b) => a - b));
		expect(new Set(batches(sandbox).map(({ key }) => key)).size).toBe(sizes.length);
		expect(items.map((item) => [item.json.id, item.json.value])).toEqual(cells.map((cell, i) => [cell, `text ${i + 1}`]));
		expect(items.map((item) => item.pairedItem)).toEqual(cells.map((_cell, item) => ({ item })));
		expect(cells.every((cell, i) => valueOf(sandbox, cell) === `text ${i + 1}`)).toBe(true);
	});

	it('Batch Size 1 sends one request per item; Batch Size 2 pairs them', async () => {
		const { sandbox } = gen;
		const input = { items: itemsFor([4012, 4022, 4032]) };
		await runGen(sandbox, { ...UPDATE, options: { batchSize: 1 } }, input);
		const one = batches(sandbox).map(({ body }) => body.actions.length);
		sandbox.clearRequests();
		await runGen(sandbox, { ...UPDATE, options: { batchSize: 2 } }, input);

		expect(one).toEqual([1, 1, 1]);
		expect(batches(sandbox).map(({ body }) => body.actions.map((a) => a.target.id))).toEqual([[4012, 4022], [4032]]);
	});

	it('two vidsheets (and two agents) in one input: one batch each, outputs still in input order', async () => {
		const { sandbox } = gen;
		const cloned = await runGen(sandbox, { resource: 'contentEngine', operation: 'clone', agentId: keyLocator('agent_1'), engineId: keyLocator('101') });
		const copy = cloned.items[0].json as { id: number };
		const copyCell = cellIdsOf(sandbox, copy.id)[5];
		sandbox.clearRequests();
		const { items } = await runGen(
			sandbox,
			{ ...UPDATE, contentEngineId: keyLocator('={{ $json.sheet }}') },
			{ items: [{ sheet: 101, cell: 4012, text: 'a' }, { sheet: copy.id, cell: copyCell, text: 'b' }, { sheet: 101, cell: 4022, text: 'c' }] },
		);

		const sent = batches(sandbox).map(({ body }) => [body.actions[0].target.vidsheet_id, body.actions.map((a) => a.target.id)]);
		expect(sent.sort()).toEqual([[101, [4012, 4022]], [copy.id, [copyCell]]].sort());
		expect(items.map((item) => [item.json.id, item.json.value, item.pairedItem])).toEqual([
			[4012, 'a', { item: 0 }],
			[copyCell, 'b', { item: 1 }],
			[4022, 'c', { item: 2 }],
		]);
	});

	it('the same cell twice: the later item goes in a later request, so it wins as with one request per item', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, UPDATE, { items: [{ cell: 4022, text: 'first' }, { cell: 4032, text: 'x' }, { cell: 4022, text: 'last' }] });

		expect(batches(sandbox).map(({ body }) => body.actions.map((a) => a.values.value))).toEqual([['first', 'x'], ['last']]);
		expect(valueOf(sandbox, 4022)).toBe('last');
		expect(items.map((item) => item.json.value)).toEqual(['first', 'x', 'last']);
	});

	it('Clear Content sends clear_content instead of a value', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, { ...UPDATE, cellId: keyLocator('4011'), value: 'ignored', options: { clearContent: true } });

		expect(batches(sandbox)[0].body.actions[0].values).toEqual({ clear_content: true });
		expect(items[0].json).toMatchObject({ id: 4011, value: null });
	});

	it('a result without the cell: the cell is read back', async () => {
		const { sandbox } = gen;
		sandbox.fault({ status: 200, serve: true, json: { results: [{ index: 0, result: { status: 'saved' } }], change_set_id: null, contract_version: '0'.repeat(64) }, match: { path: '/v1/vidsheet/actions' } });
		const { items } = await runGen(sandbox, { ...UPDATE, cellId: keyLocator('4022'), value: 'read me back' });

		expect(sandbox.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
			'POST /v1/vidsheet/actions',
			'GET /v1/vidsheet/101/cells/4022?agent_id=agent_1',
		]);
		expect(items[0].json).toMatchObject({ id: 4022, value: 'read me back' });
	});
});

describe('Cell > Update: a refused action in the middle of a batch', () => {
	const input = { items: [{ cell: 4012, text: 'one' }, { cell: 9999, text: 'ghost' }, { cell: 4032, text: 'three' }] };

	it('with Continue On Fail: the batch goes again without it; the others are saved, it is its own error item', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, UPDATE, { ...input, continueOnFail: true });

		const sent = batches(sandbox);
		expect(sent.map(({ body }) => body.actions.map((a) => a.target.id))).toEqual([[4012, 9999, 4032], [4012, 4032]]);
		expect(sent[1].key).not.toBe(sent[0].key);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toMatchObject({ id: 4012, value: 'one' });
		expect(items[2].json).toMatchObject({ id: 4032, value: 'three' });
		expect(items[1].json.error).toBe('GEN API error 422: No such cell in vidsheet 101 [invalid_action] (field target.id)');
		expect([valueOf(sandbox, 4012), valueOf(sandbox, 4032)]).toEqual(['one', 'three']);
	});

	it('without Continue On Fail: the good items are still saved, and the run fails saying which were and which were not', async () => {
		const { sandbox } = gen;
		const { error, items } = await runGen(sandbox, UPDATE, input);

		expect(items).toEqual([]);
		expect(shown(error)).toEqual({
			message: 'GEN API error 422: No such cell in vidsheet 101 [invalid_action] (field target.id)',
			description:
				'GEN rejected the input. Correct the field named in the message and run again. GEN saved nothing for this item; the other items of its batch went again without it. Saved in GEN: items 1, 3. Not saved: item 2.',
			httpCode: '422',
		});
		expect([valueOf(sandbox, 4012), valueOf(sandbox, 4032)]).toEqual(['one', 'three']);
	});

	it('a refusal of the whole batch (no action named) is every item\'s error; nothing is saved', async () => {
		const { sandbox } = gen;
		sandbox.setCredits(false);
		const { items } = await runGen(sandbox, UPDATE, { ...input, continueOnFail: true });

		expect(batches(sandbox)).toHaveLength(1);
		expect(items.map((item) => [item.json.error, item.pairedItem])).toEqual([0, 1, 2].map((item) => [expect.stringContaining('GEN API error 402'), { item }]));
	});
});

describe('Cell > Update: idempotency and pending answers', () => {
	it('a 5xx after GEN saved (a lost answer): Retry On Fail sends the same key, GEN replays, nothing is applied twice', async () => {
		const { sandbox } = gen;
		sandbox.fault({ status: 503, serve: true, match: { path: '/v1/vidsheet/actions' } });
		const { items, error } = await runGen(sandbox, UPDATE, { items: itemsFor([4012, 4022]), retryOnFail: { maxTries: 2 } });

		expect(error).toBeUndefined();
		const sent = batches(sandbox);
		expect(sent).toHaveLength(2);
		expect(sent[1].key).toBe(sent[0].key);
		expect(sent[1].body).toEqual(sent[0].body);
		expect(sandbox.idempotencyKeys()).toEqual([sent[0].key]);
		expect(jsonOf(items).map((json) => json.value)).toEqual(['text 1', 'text 2']);
	});

	it('a 5xx says Retry On Fail is safe here', async () => {
		const { sandbox } = gen;
		sandbox.fault({ status: 502, match: { path: '/v1/vidsheet/actions' } });
		const { error } = await runGen(sandbox, { ...UPDATE, cellId: keyLocator('4022'), value: 'x' });

		expect(error?.description).toContain('Retry On Fail is safe here');
	});

	it('another execution sends another key for the same items', async () => {
		const { sandbox } = gen;
		await runGen(sandbox, UPDATE, { items: itemsFor([4012]) });
		await runGen(sandbox, UPDATE, { items: itemsFor([4012]), executionId: '2' });

		const [first, second] = batches(sandbox);
		expect(second.body).toEqual(first.body);
		expect(second.key).not.toBe(first.key);
	});

	it('pending (a generation of the cell is running): the identical payload and key again after retry_after_seconds, then saved', async () => {
		const { sandbox } = gen;
		sandbox.setGenerationMs(1500);
		await runGen(sandbox, { resource: 'cell', operation: 'generate', ...ENGINE, cellId: keyLocator('4022'), generationType: 'text', prompt: 'x', waitForCompletion: false });
		sandbox.clearRequests();
		const started = Date.now();
		const { items, error } = await runGen(sandbox, UPDATE, { items: itemsFor([4012, 4022]) });

		expect(error).toBeUndefined();
		const sent = batches(sandbox);
		expect(sent.length).toBeGreaterThanOrEqual(2);
		expect(new Set(sent.map(({ key }) => key)).size).toBe(1);
		expect(new Set(sent.map(({ body }) => JSON.stringify(body))).size).toBe(1);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(items.map((item) => item.json.value)).toEqual(['text 1', 'text 2']);
	});

	it('still pending when Options > Timeout (Minutes) is up: an error that says nothing was applied', async () => {
		const { sandbox } = gen;
		sandbox.fault({
			status: 202,
			times: -1,
			json: { status: 'queued', error_code: 'source_not_ready', retryable: true, retry_after_seconds: 1, message: 'Source analysis is pending' },
			match: { path: '/v1/vidsheet/actions' },
		});
		const { error } = await runGen(sandbox, { ...UPDATE, options: { timeoutMinutes: 0.03 } }, { items: itemsFor([4012, 4022]) });

		const sent = batches(sandbox);
		expect(sent).toHaveLength(2);
		expect(sent[1].key).toBe(sent[0].key);
		expect(shown(error)).toEqual({
			message: 'GEN had not saved the update after 1.8 seconds: it answered that it is not ready yet (source_not_ready)',
			description:
				'Nothing was applied for this item or for the other item of its batch. GEN said: "Source analysis is pending". Run again later, or raise Options > Timeout (Minutes). Saved in GEN: none. Not saved: items 1–2.',
			httpCode: null,
		});
		expect(valueOf(sandbox, 4012)).not.toBe('text 1');
	});
});
