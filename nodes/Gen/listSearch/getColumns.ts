import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { columnName } from '../shared/engine';
import { searchList } from '../shared/transport';
import { chosenEngine } from './engine';

/** The columns of the chosen content engine: title and type. */
export async function getColumns(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { path, qs } = chosenEngine(this);
	return await searchList.call(
		this,
		`${path}/columns`,
		filter,
		(column) => `${String(columnName(column) || `Column ${String(column.id)}`)} (${String(column.type ?? 'unknown')})`,
		'a list of columns',
		qs,
	);
}
