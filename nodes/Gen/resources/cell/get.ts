import { cellScope } from '../../shared/engine';
import { genOperation } from '../../shared/routing';

export const get = genOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a cell',
		description: 'Get a cell of a content engine with its generations',
	},
	method: 'GET',
	path: '/vidsheet/{contentEngineId}/cells/{cellId}',
	request: cellScope,
	answer: 'object',
	expected: 'a cell',
	fields: [],
});
