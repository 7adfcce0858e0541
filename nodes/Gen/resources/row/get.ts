import { engineScope } from '../../shared/content';
import { idValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

export const get = genOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a row',
		description: 'Get a row of a content engine with its cells',
	},
	method: 'GET',
	path: '/vidsheet/{contentEngineId}/rows/{rowId}',
	request: (context) => {
		const { ids, qs } = engineScope(context);
		return { ids: { ...ids, rowId: idValue(context, 'rowId', 'Row') }, qs };
	},
	answer: 'object',
	expected: 'a row',
	fields: [],
});
