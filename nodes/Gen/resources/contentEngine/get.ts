import { engineScope } from '../../shared/content';
import { genOperation } from '../../shared/routing';

export const get = genOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a content engine',
		description: 'Get a content engine with its columns, rows and cells',
	},
	method: 'GET',
	path: '/vidsheet/{contentEngineId}',
	request: (context) => {
		const { ids, qs } = engineScope(context, true, 'engineId');
		const withCost = context.getNodeParameter('options.withExecutionCost', false) === true;
		return { ids, qs: withCost ? { ...qs, with_execution_cost: true } : qs };
	},
	answer: 'object',
	expected: 'a content engine',
	fields: [],
});
