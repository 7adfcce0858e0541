import type { INodeProperties } from 'n8n-workflow';
import { cellDescription } from './cell';
import { updateOptions } from './cell/update';
import { columnDescription } from './column';
import { contentEngineDescription } from './contentEngine';
import { contentResourceDescription } from './contentResource';
import { rowDescription } from './row';
import { returnAllOrLimit } from '../shared/descriptions';
import { agentIdLocator, contentEngineIdLocator, targetAgentIdLocator } from '../shared/content';

// Fields several content-production operations share, each declared once: n8n evaluates every
// declared property for every item, so a second declaration of a name would evaluate it again.

/** Every operation of these resources works on an agent's content engines (query agent_id). */
const ENGINE_RESOURCES = ['contentEngine', 'row', 'column', 'cell'];

const operationsOf = (description: INodeProperties[]) =>
	description.filter(({ name }) => name === 'operation').flatMap(({ options }) => (options ?? []).map((option) => String((option as { value: unknown }).value)));

/**
 * Idea, Research and Agent Chat operations that act for an agent (or pick one of its ideas). Get
 * Job, Get Run, Approve and Reject name their job or run alone: no Agent there.
 */
const AGENT_HOST_OPERATIONS = ['generate', 'getAll', 'get', 'setStatus', 'expand', 'createVideo', 'run', 'trends', 'ask'];

/**
 * The Agent, declared once for the content resources and for Generation > Stop and Continue (GEN
 * stops and continues a generation for its agent): a second declaration would be evaluated again
 * for every item of every content operation. n8n's display rules cannot show one field for all
 * operations of some resources and two of another, so it also shows on Generation > Get, which
 * shares its operation value with the content resources' Get; there it is optional and unused,
 * and so it is not marked required: each operation that needs it refuses an empty Agent itself.
 */
const AGENT_OPERATIONS = [
	...new Set([
		...[contentEngineDescription, rowDescription, columnDescription, cellDescription, contentResourceDescription].flatMap(operationsOf),
		'stop',
		'continue',
		...AGENT_HOST_OPERATIONS,
		'publish',
	]),
];

export const contentFields: INodeProperties[] = [
	{
		...agentIdLocator({ resource: [...ENGINE_RESOURCES, 'contentResource', 'generation', 'idea', 'research', 'agentChat', 'post'], operation: AGENT_OPERATIONS }),
		required: false,
		description:
			'The GEN agent of the vidsheet (content engine), of the content resources, of the generation to stop or continue, whose ideas, research or chat this is, or who posts. Generation > Get and Post > Get, Update and Delete do not use it.',
	},
	// Content Engine > Get and Clone take their engine as `engineId` (declared in that resource):
	// n8n's displayOptions cannot show one field for them and for rows, columns and cells but not for Create.
	// Cell > Estimate Credits prices a generation for the agent: GEN's estimate takes no vidsheet.
	{
		...contentEngineIdLocator({ resource: ['row', 'column', 'cell'] }),
		displayOptions: { show: { resource: ['row', 'column', 'cell'] }, hide: { operation: ['estimateCredits'] } },
	},
	targetAgentIdLocator({ resource: ['contentEngine', 'template'], operation: ['clone'] }),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Q1 TikTok Campaign',
		description: 'The title of the new content engine (Content Engine > Create) or column (Column > Create)',
		displayOptions: { show: { resource: ['contentEngine', 'column'], operation: ['create'] } },
	},
	...returnAllOrLimit({ resource: ['template', 'row', 'column', 'cell', 'idea', 'contentResource'], operation: ['getAll'] }),
];

/** Options of single content operations, in the node's one Options collection. */
export const contentOptions: INodeProperties[] = [
	{
		displayName: 'Position',
		name: 'position',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1 },
		description: 'Where the new row or column goes (1 = first). Without it, GEN adds it at the end.',
		displayOptions: { show: { '/resource': ['row', 'column'], '/operation': ['create'] } },
	},
	{
		displayName: 'With Execution Cost',
		name: 'withExecutionCost',
		type: 'boolean',
		default: false,
		description: 'Whether GEN adds the credit cost (execution_cost) to every row and cell',
		displayOptions: { show: { '/resource': ['contentEngine'], '/operation': ['get'] } },
	},
	...updateOptions,
];
