import { genOperation } from '../../shared/routing';

export const getCurrent = genOperation({
	option: {
		name: 'Get Current',
		value: 'getCurrent',
		action: 'Get the current user',
		description: 'Get the GEN user the credential belongs to',
	},
	method: 'GET',
	path: '/me',
	answer: 'object',
	expected: 'a user',
	fields: [],
});
