import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { cellsOf } from '../shared/engine';
import { genApiGet, matching } from '../shared/transport';
import { chosenEngine, preview } from './engine';
import { withId } from './label';

/** The cells of the chosen content engine (GEN lists them only inside the engine): row, column, ID, value. */
export async function getCells(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { path, qs } = chosenEngine(this);
	const [engine] = await genApiGet.call(this, 'GET', path, { answer: 'object', expected: 'a content engine' }, qs);
	const cells = cellsOf(this.getNode(), engine).map((cell) => ({ ...cell, id: cell.cell_id }));
	return {
		results: matching(
			cells,
			filter,
			(cell) =>
				`${withId(`Row ${String(cell.row_position ?? cell.row_id)} · ${String(cell.column_name ?? 'unknown column')}`, cell.id)}: ${preview(cell.value)}`,
		),
	};
}
