import { genOperation } from '../../shared/routing';
import { generationIds } from './shared';

export const continueGeneration = genOperation({
	option: {
		name: 'Continue',
		value: 'continue',
		action: 'Continue a generation',
		description: 'Continue a generation that was stopped or is waiting for input',
	},
	method: 'POST',
	path: '/generations/{generationId}/continue',
	request: (context) => ({ ids: generationIds(context) }),
	answer: 'object',
	expected: 'the continued generation',
	// Continuing spends credits again: a retry could run it twice.
	retry: 'creates',
	fields: [],
});
