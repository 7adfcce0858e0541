import { NodeOperationError, type IDataObject, type INodeProperties, type IPollFunctions } from 'n8n-workflow';
import { listLocator } from '../Gen/shared/descriptions';
import { IDEA_STATUSES } from '../Gen/resources/idea/shared';
import { checkAnswer } from '../Gen/shared/answer';
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
	],
	default: 'ideaStatus',
};

const IDEA_EVENTS = ['ideaStatus', 'newIdea'];

export const EVENT_FIELDS: INodeProperties[] = [
	listLocator(
		{ name: 'agentId', displayName: 'Agent', description: 'The GEN agent whose ideas to watch', idPlaceholder: 'e.g. agent_1' },
		'getAgents',
		{ event: IDEA_EVENTS },
	),
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
async function read(context: IPollFunctions, path: string, qs: IDataObject, expected: string, host: 'agent' | 'main') {
	const response = await genRequest(context, 'GET', path, qs, host);
	if (response.statusCode === 429 || response.statusCode >= 500) {
		context.logger.warn(`GEN Trigger: GEN answered ${response.statusCode}; this poll is skipped and the next one tries again`);
		return 'skip' as const;
	}
	return await checkAnswer(context, response, { answer: 'list', expected });
}

function agentId(context: IPollFunctions) {
	const value = context.getNodeParameter('agentId', '', { extractValue: true });
	if (typeof value === 'number' || (typeof value === 'string' && value.trim())) return String(value).trim();
	throw new NodeOperationError(context.getNode(), 'Agent is empty', { description: 'Pick an agent from the list, or enter its ID.' });
}

/** Reads what the event watches; the parameters that define the event go into `scope`. */
export async function readEvent(context: IPollFunctions, event: string): Promise<{ scope: string; reading: Reading }> {
	const agent = agentId(context);
	const status = event === 'ideaStatus' ? String(context.getNodeParameter('status', '')) : '';
	const scope = JSON.stringify({ event, agent, status });
	const ideas = await read(context, '/agent/ideas', { agent_id: agent, ...(status && { status }) }, 'a list of ideas', 'agent');
	if (ideas === 'skip') return { scope, reading: 'skip' };
	// GEN filters by status; the check here keeps an idea with another status from counting.
	const entries = status ? ideas.filter((idea) => idea.status === status) : ideas;
	return { scope, reading: { entries, keyOf: (idea) => String(idea.id) } };
}
