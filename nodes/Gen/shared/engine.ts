import { NodeOperationError, type IDataObject, type IExecuteSingleFunctions, type INode } from 'n8n-workflow';
import { engineScope } from './content';
import { idValue, numberValue } from './input';

/** GEN's template gallery comes 20 to a page; a shorter (or empty) page is the last. */
export const TEMPLATES_PER_PAGE = 20;

const list = (value: unknown): IDataObject[] | undefined =>
	Array.isArray(value) && value.every((entry) => entry !== null && typeof entry === 'object') ? (value as IDataObject[]) : undefined;

// GEN's sources disagree on how a sheet names things (CONTRACT.md, "cell → column"): its
// serializer says `spreadsheet_cells` and `spreadsheet_column_id`, its n8n guide `column_id`, and
// its documented Cell schema has no link at all. Every documented variant is read, in that order.

/** A row's cells: `spreadsheet_cells`, then `cells`. */
export const rowCells = (row: IDataObject | undefined) => list(row?.spreadsheet_cells) ?? list(row?.cells) ?? [];

/** A column's name: `title`, then `name`. */
export const columnName = (column: IDataObject) => (column.title ?? column.name ?? null) as string | null;

/** The cell's own link to its column: `spreadsheet_column_id`, then `column_id`. */
const columnLink = (cell: IDataObject) => cell.spreadsheet_column_id ?? cell.column_id;

const byPosition = (columns: IDataObject[]) =>
	[...columns].sort((a, b) => Number(a.position ?? Infinity) - Number(b.position ?? Infinity));

/**
 * The column of each cell of a row: its own link, else the column at the same index in the
 * columns ordered by position; undefined where neither tells (the row has more or fewer cells
 * than the sheet has columns, so an index would guess).
 */
function columnsOfRow(cells: IDataObject[], ordered: IDataObject[], byId: Map<string, IDataObject>) {
	return cells.map((cell, index) => {
		const link = columnLink(cell);
		if (link !== undefined && link !== null) return { id: link, column: byId.get(String(link)) };
		const column = cells.length === ordered.length ? ordered[index] : undefined;
		return { id: column?.id, column };
	});
}

/**
 * Every cell of a content engine (GEN's sheet), row by row in GEN's order, with where it sits:
 * `cell_id, row_id, row_position, column_id, column_name, value`, then the cell's own fields.
 * No cell is dropped: one whose column cannot be told has `column_id` and `column_name` null.
 */
export function cellsOf(node: INode, engine: IDataObject | undefined, itemIndex?: number): IDataObject[] {
	const columns = list(engine?.spreadsheet_columns);
	const rows = list(engine?.spreadsheet_rows);
	if (!columns || !rows) {
		throw new NodeOperationError(node, 'GEN answered with a content engine without its rows and columns', {
			description: 'Nothing was read from this answer. Check the content engine ID, or look at the engine in GEN.',
			itemIndex,
		});
	}
	const ordered = byPosition(columns);
	const byId = new Map(columns.map((column) => [String(column.id), column]));
	return rows.flatMap((row) => {
		const cells = rowCells(row);
		const links = columnsOfRow(cells, ordered, byId);
		return cells.map((cell, index) => ({
			cell_id: cell.id,
			row_id: row.id,
			row_position: row.position ?? null,
			column_id: links[index].id ?? null,
			column_name: links[index].column ? columnName(links[index].column) : null,
			value: cell.value ?? null,
			...cell,
		}));
	});
}

/** Empty as GEN's n8n guide means it: no value, or only blanks. */
export const isEmptyValue = (value: unknown) =>
	value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** Options > Position (1-based) for a new row or column, or undefined for "at the end". */
export function positionOption(context: IExecuteSingleFunctions): number | undefined {
	const raw = context.getNodeParameter('options.position', '') as unknown;
	if (raw === undefined || raw === null || raw === '') return undefined;
	return numberValue(context, raw, 'Position', { min: 1, whole: true });
}

/** Agent, engine and cell of a cell operation. */
export function cellScope(context: IExecuteSingleFunctions) {
	const { ids, qs } = engineScope(context);
	return { ids: { ...ids, cellId: idValue(context, 'cellId', 'Cell') }, qs };
}
