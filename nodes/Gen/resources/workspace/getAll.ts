import { limited, returnAllOrLimit } from '../../shared/descriptions';
import { limitValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

export const getAll = genOperation({
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many workspaces',
		description: 'List the workspaces the user belongs to',
	},
	method: 'GET',
	path: '/workspaces',
	request: (context) => ({ keep: limitValue(context) }),
	answer: 'list',
	expected: 'a list of workspaces',
	output: (_context, entries, limit) => limited(entries, limit as number | undefined),
	fields: returnAllOrLimit({ resource: ['workspace'], operation: ['getAll'] }),
});
