import type { IDataObject } from 'n8n-workflow';
import { engineScope } from '../../shared/content';
import { positionOption } from '../../shared/engine';
import { itemError } from '../../shared/errors';
import { textValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

const show = { resource: ['column'], operation: ['create'] };
const TYPES = ['text', 'image', 'video', 'audio'];

export const create = genOperation({
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a column',
		description: 'Add a column (an empty cell in every row) to a content engine',
	},
	method: 'POST',
	path: '/vidsheet/{contentEngineId}/columns',
	request: (context) => {
		const { ids, qs } = engineScope(context);
		const title = textValue(context, 'title', 'Title');
		const type = String(context.getNodeParameter('columnType', 'text'));
		if (!TYPES.includes(type)) {
			throw itemError(context, `Column type "${type}" is not one GEN knows`, `Use one of: ${TYPES.join(', ')}.`);
		}
		const position = positionOption(context);
		const column: IDataObject = { title, type, ...(position !== undefined && { position }) };
		return { ids, qs, body: { spreadsheet_column: column } };
	},
	answer: 'object',
	expected: 'the new column',
	idempotencyKey: 'header',
	fields: [
		{
			displayName: 'Type',
			name: 'columnType',
			type: 'options',
			default: 'text',
			description: 'What the cells of the column hold',
			options: [
				{ name: 'Audio', value: 'audio' },
				{ name: 'Image', value: 'image' },
				{ name: 'Text', value: 'text' },
				{ name: 'Video', value: 'video' },
			],
			displayOptions: { show },
		},
	],
});
