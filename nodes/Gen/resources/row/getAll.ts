import { engineScope } from '../../shared/content';
import { limited } from '../../shared/descriptions';
import { limitValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

export const getAll = genOperation({
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many rows',
		description: 'List the rows of a content engine, each with its cells',
	},
	method: 'GET',
	path: '/vidsheet/{contentEngineId}/rows',
	request: (context) => ({ ...engineScope(context), keep: limitValue(context) }),
	answer: 'list',
	expected: 'a list of rows',
	output: (_context, entries, limit) => limited(entries, limit as number | undefined),
	fields: [],
});
