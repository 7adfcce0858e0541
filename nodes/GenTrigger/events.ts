import { NodeApiError, NodeOperationError, type IDataObject, type JsonObject, type INodeProperties, type IPollFunctions } from 'n8n-workflow';
import { listLocator } from '../Gen/shared/descriptions';
import { IDEA_STATUSES } from '../Gen/resources/idea/shared';
import { checkAnswer } from '../Gen/shared/answer';
import { contentEngineIdLocator } from '../Gen/shared/content';
import { cellsOf } from '../Gen/shared/engine';
import { genRequest } from '../Gen/shared/transport';

export const EVENT_FIELD: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Idea Reached Status',
			value: 'ideaStatus',
			description: 'One item per idea that has the status now and did not at the last poll',
		},
		{
			name: 'New Idea',
			value: 'newIdea',
			description: 'One item per idea created since the last poll',
		},
		{
			name: 'Cell Content Ready',
			value: 'cellReady',
			description: "One item per cell whose generation finished since the last poll, with its value, column, row and the generation",
		},
	],
	default: 'ideaStatus',
};

const IDEA_EVENTS = ['ideaStatus', 'newIdea'];
const CELL_EVENTS = ['cellReady'];

export const EVENT_FIELDS: INodeProperties[] = [
	listLocator(
		{ name: 'agentId', displayName: 'Agent', description: 'The GEN agent whose ideas to watch', idPlaceholder: 'e.g. agent_1' },
		'getAgents',
		{ event: [...IDEA_EVENTS, ...CELL_EVENTS] },
	),
	contentEngineIdLocator({ event: CELL_EVENTS }),
	{
		displayName: 'Column',
		name: 'column',
		type: 'string',
		default: '',
		placeholder: 'e.g. Script',
		description: 'Only cells of this column, by its name or ID; empty: every column',
		displayOptions: { show: { event: CELL_EVENTS } },
	},
	{
		displayName: 'Include Failed',
		name: 'includeFailed',
		type: 'boolean',
		default: false,
		description: 'Whether cells whose generation failed or was stopped also start the workflow',
		displayOptions: { show: { event: CELL_EVENTS } },
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: IDEA_STATUSES,
		default: 'approved_to_post',
		description: 'Emit each idea when it reaches this status',
		displayOptions: { show: { event: ['ideaStatus'] } },
	},
];

/** What one poll read: the entries that match the event, oldest first, each with its key. */
export type Reading = { entries: IDataObject[]; keyOf: (entry: IDataObject) => string } | 'skip';

/** GEN's answer for the poll, or 'skip' when GEN is busy or failing (429/5xx): the next poll tries again. */
async function read(
	context: IPollFunctions,
	path: string,
	qs: IDataObject,
	expected: string,
	host: 'agent' | 'main',
	answer: 'list' | 'object' = 'list',
) {
	// The peer dependency is `*`: older n8n versions give no poll budget.
	const budget = context.getPollBudgetMs?.();
	const timeout = typeof budget === 'number' && Number.isFinite(budget) && budget > 0 ? budget : undefined;
	let response;
	try {
		response = await genRequest(context, 'GET', path, qs, host, timeout);
	} catch (error) {
		// Out of n8n's poll budget: this poll stops, the next one reads again. Any other failure is the poll's error.
		// (n8n's request helper already wrapped it: NodeApiError hands the same error back.)
		if (timeout === undefined || (error as { httpCode?: unknown }).httpCode !== 'ECONNABORTED') {
			throw new NodeApiError(context.getNode(), error as JsonObject);
		}
		context.logger.warn(`GEN Trigger: GEN did not answer within the poll budget (${timeout} ms); this poll is skipped`);
		return 'skip' as const;
	}
	if (response.statusCode === 429 || response.statusCode >= 500) {
		context.logger.warn(`GEN Trigger: GEN answered ${response.statusCode}; this poll is skipped and the next one tries again`);
		return 'skip' as const;
	}
	return await checkAnswer(context, response, { answer, expected });
}

function idParameter(context: IPollFunctions, name: string, label: string) {
	const value = context.getNodeParameter(name, '', { extractValue: true });
	if (typeof value === 'number' || (typeof value === 'string' && value.trim())) return String(value).trim();
	throw new NodeOperationError(context.getNode(), `${label} is empty`, { description: `Pick the ${label.toLowerCase()} from the list, or enter its ID.` });
}

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
async function readCells(context: IPollFunctions, agent: string): Promise<{ scope: string; reading: Reading }> {
	const engineId = idParameter(context, 'contentEngineId', 'Vidsheet');
	const column = String(context.getNodeParameter('column', '') ?? '').trim();
	const statuses = context.getNodeParameter('includeFailed', false) ? FINISHED_OR_FAILED : FINISHED;
	const scope = JSON.stringify({ event: 'cellReady', agent, engineId, column, statuses });
	const path = `/vidsheet/${encodeURIComponent(engineId)}`;
	const answer = await read(context, path, { agent_id: agent }, 'a vidsheet with its rows and columns', 'main', 'object');
	if (answer === 'skip') return { scope, reading: 'skip' };
	const wanted = column.toLowerCase();
	const entries = cellsOf(context.getNode(), answer[0])
		.filter((cell) => !column || String(cell.column_id) === column || String(cell.column_name ?? '').toLowerCase() === wanted)
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
	return { scope, reading: { entries, keyOf } };
}

/** Reads what the event watches; the parameters that define the event go into `scope`. */
export async function readEvent(context: IPollFunctions, event: string): Promise<{ scope: string; reading: Reading }> {
	const agent = idParameter(context, 'agentId', 'Agent');
	if (event === 'cellReady') return await readCells(context, agent);
	const status = event === 'ideaStatus' ? String(context.getNodeParameter('status', '')) : '';
	const scope = JSON.stringify({ event, agent, status });
	const ideas = await read(context, '/agent/ideas', { agent_id: agent, ...(status && { status }) }, 'a list of ideas', 'agent');
	if (ideas === 'skip') return { scope, reading: 'skip' };
	// GEN filters by status; the check here keeps an idea with another status from counting.
	const entries = status ? ideas.filter((idea) => idea.status === status) : ideas;
	return { scope, reading: { entries, keyOf: (idea) => String(idea.id) } };
}
