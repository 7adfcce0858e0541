import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { nodeOwnError } from './errors';

/**
 * How many requests one run of the node has in flight at once, unless Options > Max Requests at
 * Once says otherwise. n8n-core starts every item's request together: without a bound, 1,000 items
 * open 1,000 connections to GEN at once. 10 keeps GEN's side calm and still overlaps latency;
 * a single item is as fast as ever.
 */
export const DEFAULT_MAX_IN_FLIGHT = 10;

type RunState = {
	inFlight: number;
	waiting: Array<() => void>;
	/** Items whose own request holds a slot. */
	holding: Set<number>;
	/** When waiting for generations ends, for the whole run. */
	deadline?: number;
	sentOnce: boolean;
	/** Items whose input was refused before sending, by item index. */
	refused: Map<number, Error>;
	/** What each item's request step read for its output step, by item index (read once, not twice). */
	kept: Map<number, unknown>;
};

// One state per run of the node: n8n-core gives every item's context the same executeData object.
const runs = new WeakMap<object, RunState>();

/** What identifies the run an item belongs to (for state kept per run, as in batch.ts). */
export function runKey(context: IExecuteSingleFunctions): object {
	return (context.getExecuteData() as object | undefined) ?? context.getNode();
}

function runState(context: IExecuteSingleFunctions): RunState {
	const key = runKey(context);
	let state = runs.get(key);
	if (!state) {
		state = { inFlight: 0, waiting: [], holding: new Set(), sentOnce: false, refused: new Map(), kept: new Map() };
		runs.set(key, state);
	}
	return state;
}

/**
 * Item 0's request step opens each attempt of the node: n8n's Retry On Fail runs the node again
 * with the same executeData, and an attempt must not inherit the last one's state (Revoke All's
 * one request, the deadline, the refusals).
 */
export function startAttempt(context: IExecuteSingleFunctions) {
	if (context.getItemIndex() === 0) runs.delete(runKey(context));
}

/**
 * Notes an item whose input cannot be sent. n8n-core prepares every item before it sends any
 * request, so the dispatch below still knows of it in time to send nothing at all.
 */
export function refuseItem(context: IExecuteSingleFunctions, error: Error) {
	runState(context).refused.set(context.getItemIndex(), error);
}

/** Hands what an item's request step read to its output step: each parameter is evaluated once. */
export function keepForOutput(context: IExecuteSingleFunctions, value: unknown) {
	runState(context).kept.set(context.getItemIndex(), value);
}

export function keptForOutput(context: IExecuteSingleFunctions): unknown {
	return runState(context).kept.get(context.getItemIndex());
}

function maxInFlight(context: IExecuteSingleFunctions) {
	const value = Number(context.getNodeParameter('options.maxInFlight', DEFAULT_MAX_IN_FLIGHT));
	return value >= 1 ? Math.floor(value) : DEFAULT_MAX_IN_FLIGHT;
}

/** First come, first served: a freed slot goes straight to the longest waiting request. */
async function enterSlot(context: IExecuteSingleFunctions, state: RunState) {
	if (state.inFlight < maxInFlight(context)) {
		state.inFlight++;
		return;
	}
	await new Promise<void>((resolve) => state.waiting.push(resolve));
}

function exitSlot(state: RunState) {
	const next = state.waiting.shift();
	if (next) next();
	else state.inFlight--;
}

/** Gives back the item's request slot: its request is done (a generation's waiting must not hold one). */
export function leaveSlot(context: IExecuteSingleFunctions) {
	const state = runState(context);
	if (state.holding.delete(context.getItemIndex())) exitSlot(state);
}

/** Runs one more request of the run (a poll) within the bound on requests in flight. */
export async function withRunSlot<T>(context: IExecuteSingleFunctions, send: () => Promise<T>): Promise<T> {
	const state = runState(context);
	await enterSlot(context, state);
	try {
		return await send();
	} finally {
		exitSlot(state);
	}
}

/** The run's one deadline for waiting, set by the first item that starts to wait. */
export function runDeadline(context: IExecuteSingleFunctions, timeoutMs: number) {
	const state = runState(context);
	state.deadline ??= Date.now() + timeoutMs;
	return state.deadline;
}

/** Without Continue On Fail, one refused item stops the run before any item is sent. */
function refusal(context: IExecuteSingleFunctions, state: RunState): Error | undefined {
	const own = state.refused.get(context.getItemIndex());
	if (own || context.continueOnFail() || state.refused.size === 0) return own;
	const [index, first] = [...state.refused.entries()].sort(([a], [b]) => a - b)[0];
	const description = (first as Error & { description?: string }).description ?? '';
	return new NodeOperationError(context.getNode(), `${first.message} (item ${index + 1})`, {
		description: `${description} Nothing was sent for any item.`.trim(),
		itemIndex: index,
	});
}

/**
 * n8n's errors pass as they are (a copy of n8n-workflow elsewhere would fail instanceof); the
 * node's own (no httpCode) are filed as the node's, not as GEN's; anything else becomes the item's.
 */
function asItemError(context: IExecuteSingleFunctions, error: unknown) {
	if (!(error instanceof Error && 'node' in error)) {
		return new NodeOperationError(context.getNode(), error as Error, { itemIndex: context.getItemIndex() });
	}
	if ('httpCode' in error) return error as unknown as NodeOperationError;
	const itemIndex = (error as NodeOperationError).context?.itemIndex;
	return nodeOwnError(context.getNode(), error, typeof itemIndex === 'number' ? itemIndex : context.getItemIndex());
}

/**
 * A list GEN answers page by page (`?page=1, 2, …`, `size` entries a page). The operation's
 * request step keeps its Limit (a number, or undefined for Return All) for this.
 */
export type Pages = { size: number; /** The first page's number: 1 unless GEN's list starts at 0. */ first?: number };

/**
 * Reads pages until one comes back short or empty, or until Limit entries are in: each page is
 * one request through the same bound on requests in flight.
 */
async function allPages(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	{ size, first = 1 }: Pages,
): Promise<INodeExecutionData[]> {
	const limit = keptForOutput(context) as number | undefined;
	const items: INodeExecutionData[] = [];
	for (let page = first; ; page++) {
		const options = { ...requestData.options, qs: { ...requestData.options.qs, page } };
		const answer = await withRunSlot(context, async () => await context.makeRoutingRequest({ ...requestData, options }));
		items.push(...answer);
		if (answer.length < size || (limit !== undefined && items.length >= limit)) break;
	}
	return limit === undefined ? items : items.slice(0, limit);
}

/**
 * Sends the items' requests together instead of one each (Cell > Update, batch.ts): resolves with
 * the item's own output, or throws its own error.
 */
export type Batched = (
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/**
 * n8n-core hands every request of an operation to this function (declared as the operation's
 * pagination): the one place that sees them all. It bounds how many are in flight, sends nothing
 * when an item was refused, and with Continue On Fail turns any error into that item's error,
 * linked to its input item.
 */
export function dispatch({ oncePerRun = false, pages, batched }: { oncePerRun?: boolean; pages?: Pages; batched?: Batched } = {}) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const state = runState(this);
		try {
			const refused = refusal(this, state);
			if (refused) throw refused;
			// Revoke All acts on the whole account: one request, whatever the number of items.
			if (oncePerRun && state.sentOnce) return [];
			state.sentOnce = true;
			if (pages) return await allPages(this, requestData, pages);
			if (batched) return await batched(this, requestData);
			await enterSlot(this, state);
			state.holding.add(this.getItemIndex());
			try {
				return await this.makeRoutingRequest(requestData);
			} finally {
				leaveSlot(this);
			}
		} catch (error) {
			const itemError = asItemError(this, error);
			if (!this.continueOnFail()) throw itemError;
			return [{ json: {}, error: itemError, pairedItem: { item: this.getItemIndex() } }];
		}
	};
}
