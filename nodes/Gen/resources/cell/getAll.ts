import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { columnIdLocator, engineScope } from '../../shared/content';
import { limited } from '../../shared/descriptions';
import { cellsOf, columnName, isEmptyValue } from '../../shared/engine';
import { itemError } from '../../shared/errors';
import { checkedId, limitValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

const show = { resource: ['cell'], operation: ['getAll'] };

type CellFilters = { columnName?: string; columnId?: string | number; onlyEmpty: boolean };

/** Reads the filters once per item; an unusable column ID stops the item before anything is sent. */
function readFilters(context: IExecuteSingleFunctions): CellFilters {
	const name = context.getNodeParameter('columnName', '') as unknown;
	const id = context.getNodeParameter('columnId', '', { extractValue: true }) as unknown;
	const blank = (value: unknown) => value === null || value === undefined || String(value).trim() === '';
	return {
		columnName: blank(name) ? undefined : String(name).trim(),
		columnId: blank(id) ? undefined : checkedId(context, id, 'Column'),
		onlyEmpty: context.getNodeParameter('onlyEmpty', false) === true,
	};
}

/** GEN's n8n guide digs the empty cells of a column out of the engine with a Code node: this does it. */
function cellsWanted(context: IExecuteSingleFunctions, [engine]: IDataObject[], kept: unknown) {
	const { filters, limit } = kept as { filters: CellFilters; limit?: number };
	const cells = cellsOf(context.getNode(), engine, context.getItemIndex());
	const byColumn = filters.columnId !== undefined || filters.columnName !== undefined;
	const inColumns = byColumn ? columnFilter(context, engine, cells, filters) : () => true;
	return limited(
		cells.filter((cell) => inColumns(cell) && (!filters.onlyEmpty || isEmptyValue(cell.value))),
		limit,
	);
}

/** Whether a cell is in the column the filters name; a misspelt column or unlinkable cells are errors. */
function columnFilter(context: IExecuteSingleFunctions, engine: IDataObject, cells: IDataObject[], filters: CellFilters) {
	const columns = (engine.spreadsheet_columns as IDataObject[]).map((column) => ({
		id: String(column.id),
		name: String(columnName(column) ?? ''),
	}));
	const wanted = columns.filter(
		({ id, name }) =>
			(filters.columnId === undefined || id === String(filters.columnId)) &&
			(filters.columnName === undefined || name.trim().toLowerCase() === filters.columnName.toLowerCase()),
	);
	// A misspelt column would otherwise look like "nothing to do".
	if (wanted.length === 0) {
		const asked = [filters.columnName && `named "${filters.columnName}"`, filters.columnId !== undefined && `with ID ${filters.columnId}`]
			.filter(Boolean)
			.join(' and ');
		throw itemError(
			context,
			`The content engine has no column ${asked}`,
			`Its columns: ${columns.map(({ id, name }) => `${name} (${id})`).join(', ') || 'none'}.`,
		);
	}
	// So would cells whose column GEN's answer does not tell.
	const unlinked = cells.filter((cell) => cell.column_id === null).length;
	if (unlinked > 0) {
		throw itemError(
			context,
			`GEN's answer does not say which column ${unlinked} of the vidsheet's cells belong to`,
			'Its cells carry no column ID (spreadsheet_column_id or column_id), and their rows do not have one cell per column, so a column filter could miss cells. Nothing was filtered: remove Column Name and Column ID to get every cell (each with its row_id), or look at the vidsheet in GEN.',
		);
	}
	const ids = new Set(wanted.map(({ id }) => id));
	return (cell: IDataObject) => ids.has(String(cell.column_id));
}

export const getAll = genOperation({
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many cells',
		description: 'Read a content engine once and output one item per cell, e.g. the empty cells of a column',
	},
	method: 'GET',
	path: '/vidsheet/{contentEngineId}',
	request: (context) => ({ ...engineScope(context), keep: { filters: readFilters(context), limit: limitValue(context) } }),
	answer: 'object',
	expected: 'a content engine',
	output: cellsWanted,
	fields: [
		{
			displayName: 'Column Name',
			name: 'columnName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Script',
			description: 'Only cells of the column with this title (case-insensitive). Leave empty for every column.',
			displayOptions: { show },
		},
		{
			...columnIdLocator(show),
			displayName: 'Column ID',
			required: false,
			description: 'Only cells of this column. Leave empty for every column.',
		},
		{
			displayName: 'Only Empty Cells',
			name: 'onlyEmpty',
			type: 'boolean',
			default: false,
			description: 'Whether to output only cells without a value (null or blank): the cells still to fill',
			displayOptions: { show },
		},
	],
});
