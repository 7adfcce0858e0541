import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { rowCells } from '../shared/engine';
import { searchList } from '../shared/transport';
import { chosenEngine, preview } from './engine';
import { withId } from './label';

/** The rows of the chosen content engine: position, ID and the first cell's value. */
export async function getRows(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { path, qs } = chosenEngine(this);
	return await searchList.call(
		this,
		`${path}/rows`,
		filter,
		(row) => {
			const [first] = rowCells(row);
			return `${withId(`Row ${String(row.position ?? '?')}`, row.id)}: ${preview(first?.value)}`;
		},
		'a list of rows',
		qs,
	);
}
