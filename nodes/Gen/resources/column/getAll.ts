import { engineScope } from '../../shared/content';
import { limited } from '../../shared/descriptions';
import { limitValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

export const getAll = genOperation({
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many columns',
		description: 'List the columns of a content engine',
	},
	method: 'GET',
	path: '/vidsheet/{contentEngineId}/columns',
	request: (context) => ({ ...engineScope(context), keep: limitValue(context) }),
	answer: 'list',
	expected: 'a list of columns',
	output: (_context, entries, limit) => limited(entries, limit as number | undefined),
	fields: [],
});
