import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { fillPathParameter } from './routing';

export type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/** The key an operation acts on; its value replaces `{apiKeyId}` in the operation's path. */
export function apiKeyIdLocator(show: Show): INodeProperties {
	return {
		displayName: 'API Key',
		name: 'apiKeyId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The API key to act on',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an API key...',
				typeOptions: { searchListMethod: 'getApiKeys', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5',
			},
		],
		routing: { send: { preSend: [fillPathParameter('apiKeyId', 'API Key ID')] } },
	};
}

/** Return All / Limit for list operations: GEN answers whole lists, so Limit trims the output. */
export function returnAllOrLimit(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
			routing: { output: { maxResults: '={{$value}}' } },
		},
	];
}

/** One operation of a resource: its entry in the Operation dropdown and the fields it shows. */
export type Operation = {
	option: INodePropertyOptions;
	fields: INodeProperties[];
};

/**
 * The Operation dropdown of a resource, then fields several operations share (declared once:
 * n8n evaluates every declared property for every item), then each operation's own fields.
 */
export function resourceOperations(
	resource: string,
	operations: Operation[],
	defaultOperation: string,
	sharedFields: INodeProperties[] = [],
): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: operations.map((operation) => operation.option),
			default: defaultOperation,
		},
		...sharedFields,
		...operations.flatMap((operation) => operation.fields),
	];
}
