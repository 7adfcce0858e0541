import { genOperation } from '../../shared/routing';
import { agentScopedGeneration } from './shared';

export const stop = genOperation({
	option: {
		name: 'Stop',
		value: 'stop',
		action: 'Stop a generation',
		description: 'Stop a running generation; GEN refunds its credits',
	},
	method: 'POST',
	path: '/generations/{generationId}/stop',
	request: agentScopedGeneration,
	answer: 'object',
	expected: 'the stopped generation',
	fields: [],
});
