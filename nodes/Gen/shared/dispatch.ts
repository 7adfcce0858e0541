import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
} from 'n8n-workflow';

/**
 * How many requests one run of the node has in flight at once, unless Options > Max Requests at
 * Once says otherwise. n8n-core starts every item's request together: without a bound, 1,000 items
 * open 1,000 connections to GEN at once. 10 keeps GEN's side calm and still overlaps latency;
 * a single item is as fast as ever.
 */
export const DEFAULT_MAX_IN_FLIGHT = 10;

type RunState = { inFlight: number; waiting: Array<() => void>; sentOnce: boolean };

// One state per run of the node: n8n-core gives every item's context the same executeData object.
const runs = new WeakMap<object, RunState>();

function runState(context: IExecuteSingleFunctions): RunState {
	const key = (context.getExecuteData() as object | undefined) ?? context.getNode();
	let state = runs.get(key);
	if (!state) {
		state = { inFlight: 0, waiting: [], sentOnce: false };
		runs.set(key, state);
	}
	return state;
}

function maxInFlight(context: IExecuteSingleFunctions) {
	const value = (context.getNodeParameter('options.maxInFlight', DEFAULT_MAX_IN_FLIGHT) as number) || 0;
	return value >= 1 ? Math.floor(value) : DEFAULT_MAX_IN_FLIGHT;
}

async function withSlot<T>(state: RunState, limit: number, send: () => Promise<T>): Promise<T> {
	while (state.inFlight >= limit) {
		await new Promise<void>((resolve) => state.waiting.push(resolve));
	}
	state.inFlight++;
	try {
		return await send();
	} finally {
		state.inFlight--;
		state.waiting.shift()?.();
	}
}

/**
 * n8n-core hands every request of an operation to this function (declared as its pagination),
 * which is the one place that sees them all: it bounds how many are in flight.
 */
export async function sendBounded(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) {
	return await withSlot(runState(this), maxInFlight(this), async () => await this.makeRoutingRequest(requestData));
}

/** For operations that act on the whole account (Revoke All): one request, whatever the number of items. */
export async function sendOncePerRun(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) {
	const state = runState(this);
	if (state.sentOnce) return [];
	state.sentOnce = true;
	return await this.makeRoutingRequest(requestData);
}
