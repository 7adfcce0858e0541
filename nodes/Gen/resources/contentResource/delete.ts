import { idValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { agentScope } from './fields';

export const deleteContentResource = genOperation({
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a content resource',
		description: 'Delete an uploaded or generated file for good',
	},
	method: 'DELETE',
	path: '/content_resources/{contentResourceId}',
	request: (context) => {
		const id = idValue(context, 'contentResourceId', 'Content Resource');
		return { ids: { contentResourceId: id }, qs: agentScope(context), keep: id };
	},
	answer: 'objectOrNothing',
	expected: 'an empty answer',
	// GEN answers an empty 200: say which resource is gone.
	output: (_context, _entries, id) => [{ id: id as string | number, deleted: true }],
	fields: [],
});
