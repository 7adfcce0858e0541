import { limited, returnAllOrLimit } from '../../shared/descriptions';
import { limitValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { filterKeys, keyFilters, readFilters } from './filters';

const show = { resource: ['apiKey'], operation: ['getAll'] };

export const getAll = genOperation({
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many API keys',
		description: "List the user's API keys, including revoked and expired ones, with optional filters",
	},
	method: 'GET',
	path: '/persisted_tokens',
	request: (context) => {
		limitValue(context);
		readFilters(context);
		return {};
	},
	answer: 'list',
	expected: 'a list of API keys',
	// GEN lists every key and takes no query parameters, so the filters apply to its answer.
	output: (context, keys) => limited(context, filterKeys(context, keys)),
	fields: [...returnAllOrLimit(show), keyFilters(show)],
});
