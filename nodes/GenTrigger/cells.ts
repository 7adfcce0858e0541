import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { cellsOf } from '../Gen/shared/engine';
import { idParameter, read, type EventReading } from './read';

const FINISHED = ['completed'];
const FINISHED_OR_FAILED = ['completed', 'failed', 'stopped'];

/**
 * A cell's generations: its current one (`default_user_job`) and the ones in `user_jobs`, each once.
 * GEN makes a generation the cell's current one only when it completes, so a failed or stopped one
 * is only in `user_jobs`.
 */
function generationsOf(cell: IDataObject): IDataObject[] {
	const listed = Array.isArray(cell.user_jobs) ? (cell.user_jobs as unknown[]) : [];
	const all = [cell.default_user_job, ...listed].filter(
		(generation): generation is IDataObject => generation !== null && typeof generation === 'object' && !Array.isArray(generation),
	);
	return all.filter((generation, index) => all.findIndex((other) => other.id === generation.id) === index);
}

/**
 * Cell Content Ready: one entry per finished generation of a cell. The key names the cell, the
 * generation and its status, so a new generation of the same cell counts again.
 */
export async function readCells(context: IPollFunctions, agent: string): Promise<EventReading> {
	const engineId = idParameter(context, 'contentEngineId', 'Vidsheet');
	const column = String(context.getNodeParameter('column', '') ?? '').trim();
	const statuses = context.getNodeParameter('includeFailed', false) ? FINISHED_OR_FAILED : FINISHED;
	const scope = JSON.stringify({ event: 'cellReady', agent, engineId, column, statuses });
	const path = `/vidsheet/${encodeURIComponent(engineId)}`;
	const answer = await read(context, { path, qs: { agent_id: agent }, expected: 'a vidsheet with its rows and columns', host: 'main', answer: 'object' });
	if (answer === 'skip') return { scope, reading: 'skip' };
	const wanted = column.toLowerCase();
	const cells = cellsOf(context.getNode(), answer[0]).filter(
		(cell) => !column || String(cell.column_id) === column || String(cell.column_name ?? '').toLowerCase() === wanted,
	);
	const entries = cells
		.flatMap((cell) =>
			generationsOf(cell)
				.filter((generation) => statuses.includes(String(generation.status)))
				.map((generation) => ({ ...cell, generation })),
		)
		// Oldest generation first, so a bounded poll emits in the order they finished.
		.sort((a, b) => Number((a.generation as IDataObject).id) - Number((b.generation as IDataObject).id));
	const keyOf = (cell: IDataObject) => {
		const generation = cell.generation as IDataObject;
		return `${String(cell.cell_id)}:${String(generation.id)}:${String(generation.status)}`;
	};
	return { scope, reading: { entries, keyOf, others: cells } };
}
