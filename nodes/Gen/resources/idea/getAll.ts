import type { INodeProperties } from 'n8n-workflow';
import { limited } from '../../shared/descriptions';
import { idValue, limitValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { IDEA_STATUSES } from './shared';

const statusFilter: INodeProperties = {
	displayName: 'Status',
	name: 'statusFilter',
	type: 'options',
	default: '',
	options: [{ name: 'Any', value: '' }, ...IDEA_STATUSES],
	description: 'Only ideas with this status (e.g. Generated: the ones still to review)',
	displayOptions: { show: { resource: ['idea'], operation: ['getAll'] } },
};

export const getAll = genOperation({
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many ideas',
		description: "List the agent's content ideas, optionally with one status; one item per idea",
	},
	method: 'GET',
	path: '/agent/ideas',
	host: 'agent',
	request: (context) => {
		const status = String(context.getNodeParameter('statusFilter', '') ?? '');
		return {
			qs: { agent_id: idValue(context, 'agentId', 'Agent'), ...(status && { status }) },
			keep: limitValue(context),
		};
	},
	answer: 'list',
	expected: 'a list of ideas',
	output: (_context, ideas, limit) => limited(ideas, limit as number | undefined),
	fields: [statusFilter],
});
