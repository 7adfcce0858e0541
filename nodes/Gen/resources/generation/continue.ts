import { genOperation } from '../../shared/routing';
import { agentScopedGeneration } from './shared';

export const continueGeneration = genOperation({
	option: {
		name: 'Continue',
		value: 'continue',
		action: 'Continue a generation',
		description: 'Continue a generation that was stopped or is waiting for input',
	},
	method: 'POST',
	path: '/generations/{generationId}/continue',
	request: agentScopedGeneration,
	answer: 'object',
	expected: 'the continued generation',
	// Continuing charges again; GEN reads the key from the body here.
	idempotencyKey: 'body',
	fields: [],
});
