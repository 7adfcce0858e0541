import { engineScope } from '../../shared/content';
import { textValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

const show = { resource: ['contentEngine'], operation: ['create'] };

export const create = genOperation({
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a content engine',
		description: 'Create an empty content engine (vidsheet) for the agent',
	},
	method: 'POST',
	path: '/vidsheet',
	request: (context) => {
		const { qs } = engineScope(context, false);
		const title = textValue(context, 'title', 'Title');
		const isDefault = context.getNodeParameter('isDefault', false) === true;
		return { qs, body: { spreadsheet: { title, is_default: isDefault } } };
	},
	answer: 'object',
	expected: 'the new content engine',
	retry: 'creates',
	fields: [
		{
			displayName: 'Default Engine',
			name: 'isDefault',
			type: 'boolean',
			default: false,
			description: "Whether the new engine becomes the agent's default content engine",
			displayOptions: { show },
		},
	],
});
