import { idValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

export const clone = genOperation({
	option: {
		name: 'Clone',
		value: 'clone',
		action: 'Clone a template into a content engine',
		description: 'Create a content engine for an agent from a template; outputs the new engine',
	},
	method: 'POST',
	path: '/templates/spreadsheets/{templateSlug}/clone',
	request: (context) => {
		const templateSlug = idValue(context, 'templateSlug', 'Template');
		// GEN takes the agent in the body here, not as the agent_id query of /vidsheet.
		return { ids: { templateSlug }, body: { agent_id: idValue(context, 'targetAgentId', 'Target Agent') } };
	},
	answer: 'object',
	expected: 'the new content engine',
	retry: 'creates',
	fields: [],
});
