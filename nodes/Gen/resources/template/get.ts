import { idValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

export const get = genOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a template',
		description: 'Get a template with the columns an engine cloned from it gets',
	},
	method: 'GET',
	path: '/templates/projects/{templateSlug}',
	request: (context) => ({ ids: { templateSlug: idValue(context, 'templateSlug', 'Template') } }),
	answer: 'object',
	expected: 'a template',
	fields: [],
});
