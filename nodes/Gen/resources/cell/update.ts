import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { sendBatched, type BatchPart } from '../../shared/batch';
import { cellScope } from '../../shared/engine';
import { itemError } from '../../shared/errors';
import { numberValue, parameterValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { timeoutOption } from '../../shared/waiting';

const show = { resource: ['cell'], operation: ['update'] };

/** GEN saves at most 50 updates of one vidsheet in one request (CONTRACT.md, "batched edits"). */
const MAX_BATCH = 50;

/** Cell > Update's options, in the node's one Options collection. */
export const updateOptions: INodeProperties[] = [
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		default: MAX_BATCH,
		typeOptions: { minValue: 1, maxValue: MAX_BATCH },
		description:
			"How many items' cells go to GEN in one request (at most 50, GEN's limit; 1 sends one request per item). GEN saves each request's updates all or none.",
		displayOptions: { show: { '/resource': ['cell'], '/operation': ['update'] } },
	},
	{
		displayName: 'Clear Content',
		name: 'clearContent',
		type: 'boolean',
		default: false,
		description: "Whether to clear the cell's content (its value and media) instead of setting a value. Value is then not used.",
		displayOptions: { show: { '/resource': ['cell'], '/operation': ['update'] } },
	},
];

// GEN's own IDs are whole numbers, and its examples send them as numbers.
const asId = (id: string | number) => (typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id);

function cellValue(context: IExecuteSingleFunctions) {
	const raw = parameterValue(context, 'value', '');
	// GEN keeps text; an empty value empties the cell. Objects and lists are refused, as GEN would.
	if (raw !== null && typeof raw === 'object') {
		throw itemError(context, 'Value must be text', `Got ${JSON.stringify(raw)}. Use text, or an expression that gives text (e.g. {{ JSON.stringify($json.x) }}).`);
	}
	return raw === null || raw === undefined ? '' : String(raw);
}

function batchSize(context: IExecuteSingleFunctions, options: IDataObject) {
	const size = numberValue(context, options.batchSize ?? MAX_BATCH, 'Batch Size', { min: 1, whole: true });
	if (size > MAX_BATCH) {
		throw itemError(context, `"Batch Size" must be ${MAX_BATCH} or less`, `Got ${size}. GEN saves at most ${MAX_BATCH} updates in one request.`);
	}
	return size;
}

export const update = genOperation({
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a cell',
		description: "Set a cell's value (text, or the URL of a media file), or clear it; many items go to GEN in few requests",
	},
	method: 'POST',
	path: '/vidsheet/actions',
	request: (context) => {
		const { ids, qs } = cellScope(context);
		const options = context.getNodeParameter('options', {}) as IDataObject;
		const values = options.clearContent === true ? { clear_content: true } : { value: cellValue(context) };
		const { contentEngineId: vidsheet, cellId: cell } = ids as Record<string, string | number>;
		const part: BatchPart = {
			group: JSON.stringify([qs.agent_id, String(vidsheet)]),
			target: String(cell),
			size: batchSize(context, options),
			timeoutMs: timeoutOption(context, options),
			readBack: { path: `/vidsheet/${encodeURIComponent(vidsheet)}/cells/${encodeURIComponent(cell)}`, qs },
		};
		const action = { action: 'update', target: { kind: 'cell', vidsheet_id: asId(vidsheet), id: asId(cell) }, values };
		return { body: { agent_id: qs.agent_id, actions: [action] }, keep: part };
	},
	answer: 'object',
	expected: 'the updated cell',
	batched: sendBatched,
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
