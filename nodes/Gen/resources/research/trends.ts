import type { INodeProperties } from 'n8n-workflow';
import { idValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { waitSettings } from '../../shared/waiting';
import { researchJob } from './shared';

const show = { resource: ['research'], operation: ['trends'] };

const fields: INodeProperties[] = [
	{
		displayName: 'Branch',
		name: 'branch',
		type: 'options',
		default: 'trends',
		options: [
			{ name: 'Trends', value: 'trends', description: 'What is trending' },
			{ name: 'Hooks', value: 'hooks', description: 'The hooks of the best videos' },
			{ name: 'Creators', value: 'creators', description: 'The creators who lead' },
		],
		description: 'What to analyze',
		displayOptions: { show },
	},
	{
		displayName: 'Platform',
		name: 'platform',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Instagram', value: 'instagram' },
			{ name: 'Kick', value: 'kick' },
			{ name: 'TikTok', value: 'tiktok' },
			{ name: 'YouTube', value: 'youtube' },
		],
		displayOptions: { show },
	},
	{
		displayName: 'Mode',
		name: 'trendMode',
		type: 'options',
		default: '',
		options: [
			{ name: "GEN's Choice", value: '' },
			{ name: 'Handle', value: 'handle' },
			{ name: 'Hashtag', value: 'hashtag' },
			{ name: 'Keyword', value: 'keyword' },
			{ name: 'Niche', value: 'niche' },
		],
		description: 'How GEN reads the Query',
		displayOptions: { show },
	},
];

export const trends = genOperation({
	option: {
		name: 'Trends',
		value: 'trends',
		action: 'Analyze trends and get the result',
		description: "Analyze trends, hooks or creators on social platforms for the agent, wait for the job and output GEN's result",
	},
	method: 'POST',
	path: '/analyze/trends',
	host: 'agent',
	request: (context) => {
		const query = String(context.getNodeParameter('query', '') ?? '');
		const mode = String(context.getNodeParameter('trendMode', '') ?? '');
		return {
			body: {
				agent_id: idValue(context, 'agentId', 'Agent'),
				branch: context.getNodeParameter('branch', 'trends') as string,
				query,
				platform: context.getNodeParameter('platform', 'all') as string,
				...(mode && { mode }),
			},
			keep: waitSettings(context),
		};
	},
	...researchJob,
	fields,
});
