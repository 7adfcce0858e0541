import { limited, returnAllOrLimit } from '../../shared/descriptions';
import { limitValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { filterKeys, keyFilters, readFilters, type KeyFilters } from './filters';

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
	request: (context) => ({ keep: { limit: limitValue(context), filters: readFilters(context) } }),
	answer: 'list',
	expected: 'a list of API keys',
	// GEN lists every key and takes no query parameters, so the filters apply to its answer.
	output: (_context, keys, kept) => {
		const { limit, filters } = kept as { limit?: number; filters: KeyFilters };
		return limited(filterKeys(filters, keys), limit);
	},
	fields: [...returnAllOrLimit(show), keyFilters(show)],
});
