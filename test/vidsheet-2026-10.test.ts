/**
 * What GEN's API of 2026-10 changed for content: cells linked to their columns by every
 * documented variant, Vidsheet > Get Running Generations, Row > Duplicate's body.
 */
import { loadListSearch } from './harness/n8n';
import { genCredentials, jsonOf, keyLocator, received, requestLines, runGen, startRunningGeneration, useSandbox, type GenParameters } from './support/gen';

const gen = useSandbox();

const AGENT = keyLocator('agent_1');
const ENGINE = { agentId: AGENT, contentEngineId: keyLocator('101') };
const cells = (more: GenParameters = {}) => runGen(gen.sandbox, { resource: 'cell', operation: 'getAll', ...ENGINE, returnAll: true, ...more });

/** Engine 101: 4 rows × 4 columns (Hook 201, Script 202, Voiceover 203, Final Video 204); two Script cells empty. */
const EMPTY_SCRIPT_CELLS = [
	{ cell_id: 4022, row_id: 302, column_id: 202, column_name: 'Script' },
	{ cell_id: 4032, row_id: 303, column_id: 202, column_name: 'Script' },
];

describe('Cell > Get Many links each cell to its column as GEN\'s sources allow', () => {
	it.each([
		['spreadsheet_column_id (GEN\'s serializer)', {}],
		['column_id (GEN\'s n8n guide)', { cellColumnLink: 'column_id' as const }],
		['no link at all (GEN\'s Cell schema): the column at the same position', { cellColumnLink: 'none' as const }],
		['cells under "cells", columns named by "name"', { cellsKey: 'cells' as const, columnNameKey: 'name' as const }],
	])('%s', async (_case, shape) => {
		gen.sandbox.setSheetShape(shape);
		const all = await cells();
		const empty = await cells({ columnName: 'Script', onlyEmpty: true });

		expect(all.error).toBeUndefined();
		expect(all.items).toHaveLength(16);
		expect(jsonOf(all.items).every((cell) => typeof cell.column_name === 'string')).toBe(true);
		expect(jsonOf(empty.items)).toEqual(EMPTY_SCRIPT_CELLS.map((cell) => expect.objectContaining(cell)));
	});

	/** A sheet whose cells carry no column link and whose rows hold fewer cells than it has columns. */
	const unlinkable = {
		id: 101,
		spreadsheet_columns: [
			{ id: 201, title: 'Hook', position: 1 },
			{ id: 202, title: 'Script', position: 2 },
		],
		spreadsheet_rows: [{ id: 301, position: 1, spreadsheet_cells: [{ id: 4011, value: 'only one cell' }] }],
	};

	it('without a column filter outputs every cell, even one whose column cannot be told', async () => {
		gen.sandbox.fault({ status: 200, body: unlinkable });
		const { items, error } = await cells();

		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual([expect.objectContaining({ cell_id: 4011, row_id: 301, column_id: null, column_name: null, value: 'only one cell' })]);
	});

	it('with a column filter on cells that cannot be linked: an error saying so, never zero items', async () => {
		gen.sandbox.fault({ status: 200, body: unlinkable });
		const { items, error } = await cells({ columnName: 'Script' });

		expect(items).toEqual([]);
		expect(error?.message).toBe("GEN's answer does not say which column 1 of the vidsheet's cells belong to");
		expect(error?.description).toMatch(/remove Column Name and Column ID to get every cell/);
	});

	it('a Column ID filter works on cells that say column_id, columns that say name', async () => {
		gen.sandbox.setSheetShape({ cellColumnLink: 'column_id', columnNameKey: 'name' });
		const { items } = await cells({ columnId: keyLocator('204') });

		expect(jsonOf(items).map((cell) => cell.column_name)).toEqual(['Final Video', 'Final Video', 'Final Video', 'Final Video']);
	});
});

describe('The Row, Column and Cell pickers read the same variants', () => {
	const search = (method: string) =>
		loadListSearch(method, { parameters: { resource: 'cell', operation: 'get', ...ENGINE } as never, credentials: genCredentials(gen.sandbox) });

	it.each([
		['column_id', { cellColumnLink: 'column_id' as const, cellsKey: 'cells' as const, columnNameKey: 'name' as const }],
		['no link', { cellColumnLink: 'none' as const, cellsKey: 'cells' as const, columnNameKey: 'name' as const }],
	])('cells with %s, under "cells", columns named by "name"', async (_case, shape) => {
		gen.sandbox.setSheetShape(shape);
		const [rows, columns, cellList] = await Promise.all(['getRows', 'getColumns', 'getCells'].map(search));

		expect(rows.results[0].name).toMatch(/^Row 1 \(301\): /);
		expect(rows.results[0].name).not.toMatch(/\(empty\)/);
		expect(columns.results.find((column) => String(column.value) === "202")?.name).toMatch(/^Script/);
		expect(cellList.results).toHaveLength(16);
		expect(cellList.results.find((cell) => String(cell.value) === "4022")?.name).toMatch(/^Row 2 · Script \(4022\): /);
	});
});

describe('Vidsheet > Get Running Generations', () => {
	const running = () => runGen(gen.sandbox, { resource: 'contentEngine', operation: 'getRunningGenerations', agentId: AGENT, engineId: keyLocator('101') });

	it("GET /vidsheet/{id}/generations: one item per generation GEN still runs", async () => {
		const { sandbox } = gen;
		const id = await startRunningGeneration(sandbox);
		const { items, error } = await running();

		expect(error).toBeUndefined();
		expect(requestLines(sandbox)).toEqual(['GET /v1/vidsheet/101/generations?agent_id=agent_1']);
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({ generation_id: Number(id), user_job_type: 'text', container_id: 4022, row_id: 302 }),
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('none running: no items', async () => {
		const { items, error } = await running();

		expect([items, error]).toEqual([[], undefined]);
	});

	it('an answer without a "generations" list is an error, not "none running"', async () => {
		gen.sandbox.fault({ status: 200, body: { jobs: [] } });
		const { items, error } = await running();

		expect(items).toEqual([]);
		expect(error?.message).toBe('GEN answered with something that is not a list of running generations');
	});
});

describe('Row > Duplicate', () => {
	it('sends {agent_id} in its body as well as in the query', async () => {
		const { error } = await runGen(gen.sandbox, { resource: 'row', operation: 'duplicate', ...ENGINE, rowId: keyLocator('301') });

		expect(error).toBeUndefined();
		expect(requestLines(gen.sandbox)).toEqual(['POST /v1/vidsheet/101/rows/301/duplicate?agent_id=agent_1']);
		expect(received(gen.sandbox)[0].body).toEqual({ agent_id: 'agent_1' });
	});
});
