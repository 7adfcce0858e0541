import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { engineScope } from '../../shared/content';
import { checkedId } from '../../shared/input';
import { genOperation } from '../../shared/routing';

/** The optional Target Agent: empty sends no target_agent_id, and GEN clones into the same agent. */
function targetAgent(context: IExecuteSingleFunctions) {
	const raw = context.getNodeParameter('targetAgentId', '', { extractValue: true }) as unknown;
	if (raw === null || raw === undefined || (typeof raw === 'string' && !raw.trim())) return undefined;
	return checkedId(context, raw, 'Target Agent');
}

export const clone = genOperation({
	option: {
		name: 'Clone',
		value: 'clone',
		action: 'Clone a content engine',
		description: 'Copy a content engine with its columns, rows and values, into the same or another agent',
	},
	method: 'POST',
	path: '/vidsheet/{contentEngineId}/clone',
	request: (context) => {
		const { ids, qs } = engineScope(context, true, 'engineId');
		const target = targetAgent(context);
		return target === undefined ? { ids, qs } : { ids, qs, body: { target_agent_id: target } };
	},
	answer: 'object',
	expected: 'the cloned content engine',
	retry: 'creates',
	fields: [],
});
