import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { engineScope } from '../../shared/content';
import { itemError } from '../../shared/errors';
import { genOperation } from '../../shared/routing';

/** GEN's `{generations: [...]}`, one item per generation; any other shape is an error, never "none running". */
function generationsOf(context: IExecuteSingleFunctions, [answer]: IDataObject[]) {
	const { generations } = answer;
	if (!Array.isArray(generations) || !generations.every((entry) => entry !== null && typeof entry === 'object')) {
		throw itemError(
			context,
			'GEN answered with something that is not a list of running generations',
			'The answer has no "generations" list, so nothing was read from it. Check the Base URL in the GEN credential, or look at the vidsheet in GEN.',
		);
	}
	return generations as IDataObject[];
}

export const getRunningGenerations = genOperation({
	option: {
		name: 'Get Running Generations',
		value: 'getRunningGenerations',
		action: 'Get the running generations of a vidsheet',
		description: "List the vidsheet's generations still pending or processing, one item each (to wait for or stop them)",
	},
	method: 'GET',
	path: '/vidsheet/{contentEngineId}/generations',
	request: (context) => engineScope(context, true, 'engineId'),
	answer: 'object',
	expected: 'a list of running generations',
	output: generationsOf,
	fields: [],
});
