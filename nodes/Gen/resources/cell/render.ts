import { engineScope } from '../../shared/content';
import { idValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { finishGeneration, waitSettings, type WaitSettings } from '../../shared/waiting';

export const render = genOperation({
	option: {
		name: 'Render',
		value: 'render',
		action: 'Render the final video of a cell',
		description: "Composite the cell's layers into the final video (into the row's Final Video cell) and wait for it",
	},
	method: 'POST',
	path: '/vidsheet/{contentEngineId}/cells/{cellId}/render',
	request: (context) => {
		const { ids, qs } = engineScope(context);
		const cellId = idValue(context, 'cellId', 'Cell');
		return { ids: { ...ids, cellId }, qs, keep: { ...waitSettings(context), origin: { cell_id: cellId } } };
	},
	answer: 'object',
	expected: 'a started render',
	retry: 'creates',
	finish: async (context, started, settings) => await finishGeneration(context, started, settings as WaitSettings),
	fields: [],
});
