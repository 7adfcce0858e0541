import { genOperation } from '../../shared/routing';
import { finishGeneration, waitSettings, type WaitSettings } from '../../shared/waiting';
import { generationIds } from './shared';

export const wait = genOperation({
	option: {
		name: 'Wait',
		value: 'wait',
		action: 'Wait for a generation',
		description: 'Wait until a generation started earlier (or timed out in an earlier run) has finished',
	},
	method: 'GET',
	path: '/generations/{generationId}',
	request: (context) => ({ ids: generationIds(context), keep: waitSettings(context) }),
	answer: 'object',
	expected: 'a generation',
	finish: async (context, generation, settings) => await finishGeneration(context, generation, settings as WaitSettings),
	fields: [],
});
