import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { itemError } from '../../shared/errors';
import { idValue, numberValue, textValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { waitSettings } from '../../shared/waiting';
import { researchJob } from './shared';

const fields: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'researchMode',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'News', value: 'news' },
			{ name: 'Social', value: 'social' },
			{ name: 'Web', value: 'web' },
		],
		description: 'Where GEN looks',
		displayOptions: { show: { resource: ['research'], operation: ['run'] } },
	},
];

/** Platforms, Days and Limit of Research > Run, in the node's Options collection (sent only when set). */
export const researchOptions: INodeProperties[] = [
	{
		displayName: 'Platforms',
		name: 'platforms',
		type: 'multiOptions',
		default: [],
		options: [
			{ name: 'News', value: 'news' },
			{ name: 'Web', value: 'web' },
			{ name: 'X', value: 'x' },
		],
		description: 'Only these sources',
		displayOptions: { show: { '/resource': ['research'], '/operation': ['run'] } },
	},
	{
		displayName: 'Days',
		name: 'days',
		type: 'number',
		default: 7,
		typeOptions: { minValue: 1, maxValue: 365 },
		description: 'How many days back to look (1–365)',
		displayOptions: { show: { '/resource': ['research'], '/operation': ['run'] } },
	},
	{
		displayName: 'Result Limit',
		name: 'resultLimit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1, maxValue: 1000 },
		description: 'Max number of findings GEN returns (1–1000)',
		displayOptions: { show: { '/resource': ['research'], '/operation': ['run'] } },
	},
];

function sentOptions(context: IExecuteSingleFunctions): IDataObject {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const range = (value: unknown, label: string, max: number) => {
		const number = numberValue(context, value, label, { min: 1, whole: true });
		if (number > max) throw itemError(context, `"${label}" must be ${max} or less`, `Got ${number}.`);
		return number;
	};
	return {
		...(Array.isArray(options.platforms) && options.platforms.length > 0 && { platforms: options.platforms }),
		...(options.days !== undefined && { days: range(options.days, 'Days', 365) }),
		...(options.resultLimit !== undefined && { limit: range(options.resultLimit, 'Result Limit', 1000) }),
	};
}

export const run = genOperation({
	option: {
		name: 'Run',
		value: 'run',
		action: 'Run research and get its result',
		description: "Research a topic in news, social and the web for the agent, wait for the job and output GEN's result",
	},
	method: 'POST',
	path: '/analyze/research',
	host: 'agent',
	request: (context) => ({
		body: {
			agent_id: idValue(context, 'agentId', 'Agent'),
			query: textValue(context, 'query', 'Query'),
			mode: context.getNodeParameter('researchMode', 'all') as string,
			...sentOptions(context),
		},
		keep: waitSettings(context),
	}),
	...researchJob,
	fields,
});
