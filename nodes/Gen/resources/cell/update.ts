import { cellScope } from '../../shared/engine';
import { itemError } from '../../shared/errors';
import { genOperation } from '../../shared/routing';

const show = { resource: ['cell'], operation: ['update'] };

export const update = genOperation({
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a cell',
		description: "Set a cell's value (text, or the URL of a media file)",
	},
	method: 'PATCH',
	path: '/vidsheet/{contentEngineId}/cells/{cellId}',
	request: (context) => {
		const scope = cellScope(context);
		const raw = context.getNodeParameter('value', '') as unknown;
		// GEN keeps text; an empty value empties the cell. Objects and lists are refused, as GEN would.
		if (raw !== null && typeof raw === 'object') {
			throw itemError(context, 'Value must be text', `Got ${JSON.stringify(raw)}. Use text, or an expression that gives text (e.g. {{ JSON.stringify($json.x) }}).`);
		}
		return { ...scope, body: { spreadsheet_cell: { value: raw === null || raw === undefined ? '' : String(raw) } } };
	},
	answer: 'object',
	expected: 'the updated cell',
	fields: [
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			default: '',
			typeOptions: { rows: 4 },
			placeholder: 'e.g. A day in the life of a content creator...',
			description: 'The new value of the cell: text, or the URL of an image, audio or video. Empty empties the cell.',
			displayOptions: { show },
		},
	],
});
