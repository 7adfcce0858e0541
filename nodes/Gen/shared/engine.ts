import { NodeOperationError, type IDataObject, type IExecuteSingleFunctions, type INode } from 'n8n-workflow';
import { engineScope } from './content';
import { idValue, numberValue } from './input';

/** GEN's template gallery comes 20 to a page; a shorter (or empty) page is the last. */
export const TEMPLATES_PER_PAGE = 20;

const list = (value: unknown): IDataObject[] | undefined =>
	Array.isArray(value) && value.every((entry) => entry !== null && typeof entry === 'object') ? (value as IDataObject[]) : undefined;

/**
 * Every cell of a content engine (GEN's sheet), row by row in GEN's order, with where it sits:
 * `cell_id, row_id, row_position, column_id, column_name, value`, then the cell's own fields.
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
	const titles = new Map(columns.map((column) => [String(column.id), column.title ?? column.name ?? null]));
	return rows.flatMap((row) =>
		(list(row.spreadsheet_cells) ?? []).map((cell) => ({
			cell_id: cell.id,
			row_id: row.id,
			row_position: row.position ?? null,
			column_id: cell.spreadsheet_column_id,
			column_name: titles.get(String(cell.spreadsheet_column_id)) ?? null,
			value: cell.value ?? null,
			...cell,
		})),
	);
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
