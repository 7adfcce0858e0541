import type { Operation } from '../../shared/descriptions';

export const getCurrent: Operation = {
	option: {
		name: 'Get Current',
		value: 'getCurrent',
		action: 'Get the current user',
		description: 'Get the GEN user the credential belongs to',
		routing: { request: { method: 'GET', url: '/me' } },
	},
	fields: [],
};
