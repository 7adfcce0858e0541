import { genOperation } from '../../shared/routing';
import { generationIds } from './shared';

export const stop = genOperation({
	option: {
		name: 'Stop',
		value: 'stop',
		action: 'Stop a generation',
		description: 'Stop a running generation; GEN refunds its credits',
	},
	method: 'POST',
	path: '/generations/{generationId}/stop',
	request: (context) => ({ ids: generationIds(context) }),
	answer: 'object',
	expected: 'the stopped generation',
	fields: [],
});
