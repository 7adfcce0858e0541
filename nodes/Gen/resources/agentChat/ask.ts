import type { INodeProperties } from 'n8n-workflow';
import { idValue, textValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { waitSettings, type WaitSettings } from '../../shared/waiting';
import { runOutput } from './shared';

const show = { resource: ['agentChat'], operation: ['ask'] };

const fields: INodeProperties[] = [
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'e.g. generate 5 content ideas focused on before/after transformations',
		description: 'What to ask or tell the agent',
		displayOptions: { show },
	},
	{
		displayName: 'Conversation ID',
		name: 'conversationId',
		type: 'string',
		default: '',
		description: 'Continue this conversation (conversation_id of an earlier Ask); empty: start a new one',
		displayOptions: { show },
	},
];

export const ask = genOperation({
	option: {
		name: 'Ask',
		value: 'ask',
		action: 'Ask the agent and get its answer',
		description:
			"Send the agent a message, wait for its run and output {run_id, conversation_id, status, answer, messages}; a run awaiting approval comes out at once with GEN's pending_action",
	},
	method: 'POST',
	path: '/agent/run',
	host: 'agent',
	request: (context) => {
		const conversationId = String(context.getNodeParameter('conversationId', '') ?? '').trim();
		return {
			body: {
				message: textValue(context, 'message', 'Message'),
				agent_id: idValue(context, 'agentId', 'Agent'),
				...(conversationId && { conversation_id: conversationId }),
			},
			keep: waitSettings(context),
		};
	},
	answer: 'object',
	expected: 'a started agent run',
	// A run may act for the agent (generate, post): a retry after a lost answer could act twice.
	retry: 'creates',
	finish: async (context, started, settings) => await runOutput(context, started, settings as WaitSettings),
	fields,
});
