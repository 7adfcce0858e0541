import { engineScope } from '../../shared/content';
import { idValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

export const duplicate = genOperation({
	option: {
		name: 'Duplicate',
		value: 'duplicate',
		action: 'Duplicate a row',
		description: 'Copy a row with its values; the copy goes right after it',
	},
	method: 'POST',
	path: '/vidsheet/{contentEngineId}/rows/{rowId}/duplicate',
	request: (context) => {
		const { ids, qs } = engineScope(context);
		// GEN reads the agent from the body here as well as from the query.
		return { ids: { ...ids, rowId: idValue(context, 'rowId', 'Row') }, qs, body: { agent_id: qs.agent_id } };
	},
	answer: 'object',
	expected: 'the new row',
	idempotencyKey: 'header',
	fields: [],
});
