import { engineScope } from '../../shared/content';
import { idValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { finishGeneration, waitSettings, type WaitSettings } from '../../shared/waiting';
import { generateFields } from './generateFields';
import { generationRequest } from './generationData';

export const generate = genOperation({
	option: {
		name: 'Generate',
		value: 'generate',
		action: 'Generate content into a cell',
		description: 'Start an AI generation into a cell (text, image, video, speech, song…) and wait for it',
	},
	method: 'POST',
	path: '/vidsheet/{contentEngineId}/cells/{cellId}/generate',
	request: (context) => {
		const { ids, qs } = engineScope(context);
		const cellId = idValue(context, 'cellId', 'Cell');
		const { type, data } = generationRequest(context);
		return {
			ids: { ...ids, cellId },
			qs,
			body: { generation_type: type, data },
			keep: { ...waitSettings(context), origin: { cell_id: cellId } },
		};
	},
	answer: 'object',
	expected: 'a started generation',
	// Every request starts a generation that spends credits.
	retry: 'creates',
	finish: async (context, started, settings) => await finishGeneration(context, started, settings as WaitSettings),
	fields: generateFields,
});
