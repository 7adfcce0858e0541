import { genOperation } from '../../shared/routing';
import { generationIds } from './shared';

export const get = genOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a generation',
		description: 'Get a generation with its status, result and output media URLs',
	},
	method: 'GET',
	path: '/generations/{generationId}',
	request: (context) => ({ ids: generationIds(context) }),
	answer: 'object',
	expected: 'a generation',
	fields: [],
});
