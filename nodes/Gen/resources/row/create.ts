import type { IDataObject } from 'n8n-workflow';
import { engineScope } from '../../shared/content';
import { positionOption } from '../../shared/engine';
import { genOperation } from '../../shared/routing';

export const create = genOperation({
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a row',
		description: 'Add an empty row (one empty cell per column) to a content engine',
	},
	method: 'POST',
	path: '/vidsheet/{contentEngineId}/rows',
	request: (context) => {
		const { ids, qs } = engineScope(context);
		const position = positionOption(context);
		const row: IDataObject = position === undefined ? {} : { position };
		return { ids, qs, body: { spreadsheet_row: row } };
	},
	answer: 'object',
	expected: 'the new row',
	idempotencyKey: 'header',
	fields: [],
});
