import { genOperation } from '../../shared/routing';
import { ideaIds } from './shared';

export const get = genOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an idea',
		description: 'Get one content idea; outputs the idea with its title, hook, script, status and data',
	},
	method: 'GET',
	path: '/agent/ideas/{ideaId}',
	host: 'agent',
	request: (context) => ({ ids: ideaIds(context) }),
	answer: 'object',
	expected: 'an idea',
	fields: [],
});
