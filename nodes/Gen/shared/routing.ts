import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { dispatch, keepForOutput, keptForOutput, refuseItem, startAttempt, type Batched, type Pages } from './dispatch';
import { checkAnswer, type AnswerCheck } from './answer';
import { itemError } from './errors';
import { idempotencyKey } from './idempotency';
import { baseUrlOf, type GenHost } from './transport';

/**
 * What an operation sends besides method and path: IDs for the path's `{placeholders}`, query,
 * body; and what its output step needs of the parameters it read (`keep`).
 */
export type RequestParts = {
	ids?: Record<string, string | number>;
	qs?: IDataObject;
	body?: IDataObject;
	keep?: unknown;
};

export type OperationSpec = AnswerCheck & {
	option: Omit<INodePropertyOptions, 'routing'>;
	method: IHttpRequestMethods;
	/** e.g. `/persisted_tokens/{apiKeyId}`: each placeholder is filled URL-encoded from `ids`. */
	path: string;
	/** GEN's agent host (ideas, research, agent chat) instead of its main API. */
	host?: GenHost;
	/**
	 * Reads and checks the parameters, once per item, before anything is sent. It may be async
	 * (Upload hashes the file first); its checks then come before its first await, so a refusal is
	 * known before any item's request goes out.
	 */
	request?: (context: IExecuteSingleFunctions) => RequestParts | Promise<RequestParts>;
	/** Turns GEN's answer into the output items' JSON (filters, limits, added fields); `kept` is the request's `keep`. */
	output?: (context: IExecuteSingleFunctions, entries: IDataObject[], kept: unknown) => IDataObject[];
	/**
	 * Instead of `output`: finishes the item asynchronously (waits for a generation, downloads its
	 * media, reads a list's further pieces); `entries` is the whole answer of a list.
	 */
	finish?: (context: IExecuteSingleFunctions, entry: IDataObject, kept: unknown, entries: IDataObject[]) => Promise<INodeExecutionData[]>;
	/**
	 * The answer holds something GEN shows only once (a new key's token). n8n sends every item's
	 * request before it reads any answer and drops all output when one item fails, so several
	 * items need Continue On Fail.
	 */
	showsOnce?: boolean;
	/**
	 * The request creates or charges: it carries an idempotency key that n8n's Retry On Fail of the
	 * same item repeats, so GEN does it at most once (GEN's `Idempotency-Key` header, or
	 * `idempotency_key` in the body where GEN reads it there). Its advice then allows a retry.
	 */
	idempotencyKey?: 'header' | 'body';
	/** One request for the whole run, whatever the number of items (Revoke All). */
	oncePerRun?: boolean;
	/** GEN answers the list page by page (`?page=N`): read pages until a short one, or Limit. */
	pages?: Pages;
	/** The items' requests go out together, several items a request; it makes each item's output. */
	batched?: Batched;
	fields: INodeProperties[];
};

/** One operation of a resource: its entry in the Operation dropdown and the fields it shows. */
export type Operation = { option: INodePropertyOptions; fields: INodeProperties[] };

/**
 * A declarative operation whose fields carry no routing of their own: one preSend reads every
 * parameter once and builds path, query and body; one postReceive checks GEN's answer. (n8n-core
 * evaluates every declared parameter for every item anyway; routing on a field reads it again.)
 */
export function genOperation(spec: OperationSpec): Operation {
	return {
		option: {
			...spec.option,
			routing: {
				// The host's production address, a literal: the credential moves it to its own address.
				request: { method: spec.method, url: spec.path, ...(spec.host === 'agent' && { baseURL: baseUrlOf('agent') }) },
				send: { preSend: [prepareRequest(spec)], paginate: true },
				operations: { pagination: dispatch({ oncePerRun: spec.oncePerRun, pages: spec.pages, batched: spec.batched }) },
				output: { postReceive: [readAnswer(spec)] },
			},
		},
		fields: spec.fields,
	};
}

function prepareRequest(spec: OperationSpec) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		startAttempt(this);
		try {
			if (spec.showsOnce) refuseSeveralItemsWithoutContinueOnFail(this, spec.option.name);
			const { ids = {}, qs, body, keep } = (await spec.request?.(this)) ?? {};
			keepForOutput(this, keep);
			requestOptions.url = spec.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
				encodeURIComponent(String(ids[name])),
			);
			if (qs) requestOptions.qs = { ...requestOptions.qs, ...qs };
			if (body) requestOptions.body = body;
			if (spec.idempotencyKey) sendIdempotencyKey(this, spec.idempotencyKey, requestOptions);
		} catch (error) {
			// The dispatch decides: this item's error, or nothing sent for any item.
			refuseItem(this, error as Error);
		}
		return requestOptions;
	};
}

function sendIdempotencyKey(
	context: IExecuteSingleFunctions,
	where: 'header' | 'body',
	requestOptions: IHttpRequestOptions,
) {
	const key = idempotencyKey(context, [requestOptions.method, requestOptions.url, requestOptions.qs, requestOptions.body]);
	if (where === 'header') requestOptions.headers = { ...requestOptions.headers, 'Idempotency-Key': key };
	else requestOptions.body = { ...(requestOptions.body as IDataObject | undefined), idempotency_key: key };
}

function refuseSeveralItemsWithoutContinueOnFail(context: IExecuteSingleFunctions, operation: string) {
	const proxy = context.getWorkflowDataProxy(context.getItemIndex());
	const count = (proxy.$input as { all: () => unknown[] }).all().length;
	if (count > 1 && !context.continueOnFail()) {
		throw itemError(
			context,
			`${operation} with ${count} items needs Continue On Fail`,
			'GEN shows what it creates here only once, and if one item failed n8n would drop the output of all the others. Turn on Settings > On Error > Continue (the failed items then carry their error), or run one item at a time (Settings > Execute Once, or a Loop Over Items node). Nothing was sent.',
		);
	}
}

function readAnswer(spec: OperationSpec) {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const retry = spec.idempotencyKey ? 'idempotent' : spec.retry;
		const entries = await checkAnswer(this, response, { ...spec, retry }, itemIndex);
		const kept = keptForOutput(this);
		const output = spec.finish
			? await spec.finish(this, entries[0], kept, entries)
			: (spec.output ? spec.output(this, entries, kept) : entries).map((json) => ({ json }));
		// Every output item comes from the input item that asked (n8n's item linking).
		return output.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
	};
}
