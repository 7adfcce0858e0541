import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { genApiError, inputError } from './errors';

/**
 * Runs first after every request (requests ignore HTTP status errors so that GEN's own
 * error message reaches the user). A JSON array becomes one item per element, as n8n does
 * for declarative nodes without a postReceive step, each linked to the input item that asked.
 */
export async function checkResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode >= 400) {
		throw genApiError(this.getNode(), response, this.getItemIndex());
	}
	// Every item of an answer comes from the input item that asked (n8n's item linking).
	const itemIndex = this.getItemIndex();
	return items.flatMap((item) =>
		Array.isArray(item.json)
			? item.json.map((json) => ({ json, pairedItem: { item: itemIndex } }))
			: [{ ...item, pairedItem: { item: itemIndex } }],
	);
}

/**
 * A required parameter (plain or resource locator) as the workflow gave it, refusing a blank one
 * before any request: an ID from GEN's list stays a number, one typed in the editor stays text
 * (trimmed).
 */
export function requiredValue(context: IExecuteSingleFunctions, name: string, label: string) {
	const raw = context.getNodeParameter(name, '', { extractValue: true }) as unknown;
	return typeof raw === 'number' ? raw : nonBlank(context, raw, label).trim();
}

function nonBlank(context: IExecuteSingleFunctions, raw: unknown, label: string) {
	const value = raw === null || raw === undefined ? '' : String(raw);
	if (!value.trim()) {
		throw inputError(
			context,
			`${label} is empty`,
			`Set "${label}" (directly or with an expression that gives a value for every item).`,
		);
	}
	return value;
}

/**
 * Checks a required text field of the body before the request is sent. It reads the value the
 * routing already resolved: re-reading the parameter would evaluate its expression again.
 */
export function requireBodyText(path: string, label: string) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = path
			.split('.')
			.reduce<unknown>((node, key) => (node as IDataObject | undefined)?.[key], requestOptions.body);
		nonBlank(this, value, label);
		return requestOptions;
	};
}

/**
 * Replaces `{name}` in the request path with the parameter's value, URL-encoded as one path
 * segment, so an ID such as `../me` or `5/revoke` can never address another endpoint.
 */
export function fillPathParameter(name: string, label: string) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = String(requiredValue(this, name, label));
		if (/^\.+$/.test(value)) {
			throw inputError(
				this,
				`${label} "${value}" is not a valid ID`,
				'Pick an entry from the list, or enter its ID as GEN shows it.',
			);
		}
		requestOptions.url = requestOptions.url.replace(`{${name}}`, encodeURIComponent(value));
		return requestOptions;
	};
}

/**
 * A postReceive step adding what was done to each item, keeping whatever GEN returned
 * (its 204 answers have no body at all).
 */
export function outputWith(fields: (context: IExecuteSingleFunctions) => IDataObject) {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		const added = fields(this);
		return items.map(({ json }) => {
			const returned = json && typeof json === 'object' && !Array.isArray(json) ? json : {};
			return { json: { ...returned, ...added } };
		});
	};
}
