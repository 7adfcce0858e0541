import type { INodeProperties } from 'n8n-workflow';
import { itemError } from '../../shared/errors';
import { genOperation } from '../../shared/routing';
import { IDEA_STATUSES, ideaIds } from './shared';

const STATUS_VALUES = IDEA_STATUSES.map(({ value }) => String(value));

const newStatus: INodeProperties = {
	displayName: 'Status',
	name: 'ideaStatus',
	type: 'options',
	required: true,
	default: 'approve_to_create',
	options: IDEA_STATUSES,
	description: 'Where the idea goes in GEN\'s review flow (Approve to Create: make a video of it)',
	displayOptions: { show: { resource: ['idea'], operation: ['setStatus'] } },
};

export const setStatus = genOperation({
	option: {
		name: 'Set Status',
		value: 'setStatus',
		action: 'Set the status of an idea',
		description: 'Move an idea through GEN\'s review statuses; outputs the idea',
	},
	method: 'PUT',
	path: '/agent/ideas/{ideaId}/status/{status}',
	host: 'agent',
	request: (context) => {
		const ids = ideaIds(context);
		const status = String(context.getNodeParameter('ideaStatus', '') ?? '');
		if (!STATUS_VALUES.includes(status)) {
			throw itemError(context, `Status "${status}" is not one of GEN's idea statuses`, `Use one of: ${STATUS_VALUES.join(', ')}.`);
		}
		return { ids: { ...ids, status } };
	},
	answer: 'object',
	expected: 'the idea',
	fields: [newStatus],
});
