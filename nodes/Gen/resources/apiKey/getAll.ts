import { returnAllOrLimit, type Operation } from '../../shared/descriptions';
import { keyFilters } from './filters';

const show = { resource: ['apiKey'], operation: ['getAll'] };

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many API keys',
		description: "List the user's API keys, including revoked and expired ones, with optional filters",
		routing: { request: { method: 'GET', url: '/persisted_tokens' } },
	},
	fields: [...returnAllOrLimit(show), keyFilters(show)],
};
