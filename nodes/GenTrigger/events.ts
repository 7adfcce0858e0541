import type { INodeProperties, IPollFunctions } from 'n8n-workflow';
import { listLocator } from '../Gen/shared/descriptions';
import { IDEA_STATUSES } from '../Gen/resources/idea/shared';
import { contentEngineIdLocator } from '../Gen/shared/content';
import { PLATFORMS } from '../Gen/resources/post/platformOptions';
import { readCells } from './cells';
import { readIdeas } from './ideas';
import { readPosts } from './posts';
import { idParameter, type EventReading } from './read';

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
		{
			name: 'Post Outcome',
			value: 'postOutcome',
			description: "One item per platform a post published on (with its post URL) or failed on (with GEN's error) since the last poll",
		},
	],
	default: 'ideaStatus',
};

const CELL_EVENTS = ['cellReady'];
const POST_EVENTS = ['postOutcome'];

export const EVENT_FIELDS: INodeProperties[] = [
	listLocator(
		{ name: 'agentId', displayName: 'Agent', description: 'The GEN agent to watch', idPlaceholder: 'e.g. agent_1' },
		'getAgents',
		{ event: ['ideaStatus', 'newIdea', ...CELL_EVENTS, ...POST_EVENTS] },
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
	{
		displayName: 'Platforms',
		name: 'platforms',
		type: 'multiOptions',
		options: PLATFORMS.map(([name, value]) => ({ name, value })),
		default: [],
		description: 'Only outcomes on these platforms; none chosen: every platform',
		displayOptions: { show: { event: POST_EVENTS } },
	},
	{
		displayName: 'Outcome',
		name: 'outcome',
		type: 'options',
		options: [
			{ name: 'Published', value: 'published', description: 'A platform published the post: the item has its post_url' },
			{ name: 'Failed', value: 'failed', description: "A platform failed the post: the item has GEN's error, error_code and failed_step" },
			{ name: 'Published or Failed', value: 'both' },
		],
		default: 'both',
		description: 'Which outcomes start the workflow',
		displayOptions: { show: { event: POST_EVENTS } },
	},
];

/** Reads what the event watches; the parameters that define the event go into `scope`. */
export async function readEvent(context: IPollFunctions, event: string): Promise<EventReading> {
	const agent = idParameter(context, 'agentId', 'Agent');
	if (event === 'cellReady') return await readCells(context, agent);
	if (event === 'postOutcome') return await readPosts(context, agent);
	return await readIdeas(context, event, agent);
}
