import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { DEFAULT_MAX_IN_FLIGHT } from './dispatch';
import type { Operation } from './routing';

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
		displayOptions: { show: { ...show, mapping: ['defineBelow'] } },
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
	};
}

/**
 * Where an operation takes its values from. Auto-map reads them from the input item's own fields:
 * no expression is evaluated, which in n8n 2.x makes many items several times faster.
 */
export function mappingField(show: Show, fields: string): INodeProperties {
	return {
		displayName: 'Mapping',
		name: 'mapping',
		type: 'options',
		noDataExpression: true,
		default: 'defineBelow',
		displayOptions: { show },
		options: [
			{ name: 'Define Below', value: 'defineBelow', description: 'Set the fields below (with expressions for many items)' },
			{
				name: 'Auto-Map Input Data',
				value: 'autoMapInputData',
				description: `Take ${fields} from each input item's fields of the same name (e.g. items from API Key > Get Many). Fastest for many items.`,
			},
		],
	};
}

/** The value of `field` in auto-map mode (read from the input item), else undefined. */
export function autoMapped(context: IExecuteSingleFunctions, field: string): { value: unknown } | undefined {
	if (context.getNodeParameter('mapping', 'defineBelow') !== 'autoMapInputData') return undefined;
	return { value: (context.getInputData().json as IDataObject | undefined)?.[field] };
}

export type Locator = {
	name: string;
	displayName: string;
	description: string;
	idPlaceholder: string;
	/** Default true. */
	required?: boolean;
};

/** A resource locator By ID only, for what GEN has no list of (content engines). */
export function idLocator({ name, displayName, description, idPlaceholder, required = true }: Locator, show: Show): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required,
		description,
		displayOptions: { show },
		modes: [{ displayName: 'By ID', name: 'id', type: 'string', placeholder: idPlaceholder }],
	};
}

/** A resource locator From List (searchListMethod) or By ID. */
export function listLocator(locator: Locator, searchListMethod: string, show: Show): INodeProperties {
	const byId = idLocator(locator, show);
	return {
		...byId,
		default: { mode: 'list', value: '' },
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
			...(byId.modes ?? []),
		],
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
		},
	];
}

/** Keeps the first `limit` entries (none given: Return All). */
export function limited(entries: IDataObject[], limit: number | undefined) {
	return limit === undefined ? entries : entries.slice(0, limit);
}

/**
 * The node's one Options collection (declared once: n8n evaluates every declared property for
 * every item). Options of single operations show only there, through their own displayOptions.
 */
export function optionsField(options: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		// Revoke All sends one request whatever the number of items.
		displayOptions: { hide: { operation: ['revokeAll'] } },
		options: [
			...options,
			{
				displayName: 'Max Requests at Once',
				name: 'maxInFlight',
				type: 'number',
				default: DEFAULT_MAX_IN_FLIGHT,
				typeOptions: { minValue: 1 },
				description:
					'How many requests to GEN this node has in flight at once when it runs for many items. Lower it if GEN rate limits you; raise it for many items over a slow connection.',
			},
		],
	};
}

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
