import {
	sleep,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
} from 'n8n-workflow';
import { credentialType } from './answer';
import { answerError, batchTimeoutError, cancelledError, refusedActions, refusedItemError, runSummary, savedOutcomes } from './batchAnswer';
import { keptForOutput, runKey, withRunSlot } from './dispatch';
import { idempotencyKey } from './idempotency';
import { pause } from './waiting';

/** What an item's request step keeps for its batch (Cell > Update). */
export type BatchPart = {
	/** Items of one group go into one request: GEN saves a batch for one agent and one vidsheet. */
	group: string;
	/** What the action changes: GEN refuses a batch that changes it twice. */
	target: string;
	/** Options > Batch Size. */
	size: number;
	/** How long to resend a batch GEN answers "pending" for. */
	timeoutMs: number;
	/** The item's own read of what it changed, should GEN's result not include it. */
	readBack: { path: string; qs: IDataObject };
};

/** One item in a batch: its context, its action, and what its request step kept. */
export type Entry = {
	context: IExecutePaginationFunctions;
	index: number;
	agentId: unknown;
	action: IDataObject;
	options: IHttpRequestOptions;
	part: BatchPart;
};

/** How an item ended: its output, or its error; and whether GEN saved its action. */
export type Outcome = { json?: IDataObject; error?: Error; saved: boolean };

type Collection = { entries: Entry[]; outcomes: Promise<Map<number, Outcome>> };

// The items of a run that have joined, until they are sent: one collection per run of the node.
const collecting = new WeakMap<object, Collection>();

/**
 * The batched dispatch: each item joins its run's collection; once all have, the collection is
 * sent in batches and every item gets its own outcome. n8n-core prepares every item and hands it
 * to its dispatch before any timer fires, so one turn of the event loop is enough for all items
 * to join. (With n8n's Settings > Batching, items come in groups a pause apart, and each group
 * is sent as it comes.)
 */
export async function sendBatched(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const key = runKey(context);
	let collection = collecting.get(key);
	if (!collection) {
		const entries: Entry[] = [];
		collection = { entries, outcomes: collectThenSend(key, entries) };
		collecting.set(key, collection);
	}
	collection.entries.push(entryOf(context, requestData));
	const itemIndex = context.getItemIndex();
	const outcome = (await collection.outcomes).get(itemIndex) as Outcome;
	if (outcome.error) throw outcome.error;
	return [{ json: outcome.json ?? {}, pairedItem: { item: itemIndex } }];
}

function entryOf(context: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions): Entry {
	const body = requestData.options.body as { agent_id: unknown; actions: IDataObject[] };
	return {
		context,
		index: context.getItemIndex(),
		agentId: body.agent_id,
		action: body.actions[0],
		options: requestData.options as IHttpRequestOptions,
		part: keptForOutput(context) as BatchPart,
	};
}

async function collectThenSend(key: object, entries: Entry[]) {
	await sleep(0);
	collecting.delete(key);
	return await sendAll(entries);
}

/**
 * Groups run at once; within a group, batches of one wave at once, waves one after the other: an
 * item that changes what an earlier item changed waits for it, so the last item wins, as it
 * would with one request per item.
 */
async function sendAll(entries: Entry[]): Promise<Map<number, Outcome>> {
	const outcomes = new Map<number, Outcome>();
	const sorted = [...entries].sort((a, b) => a.index - b.index);
	await Promise.all(
		[...groupsOf(sorted).values()].map(async (group) => {
			for (const wave of wavesOf(group)) {
				const batches = chunksOf(wave, group[0].part.size);
				const done = await Promise.all(batches.map(async (batch) => await sendBatch(batch)));
				for (const [entry, outcome] of done.flat()) outcomes.set(entry.index, outcome);
			}
		}),
	);
	if (!sorted[0].context.continueOnFail()) runSummary(sorted, outcomes);
	return outcomes;
}

function groupsOf(entries: Entry[]) {
	const groups = new Map<string, Entry[]>();
	for (const entry of entries) groups.set(entry.part.group, [...(groups.get(entry.part.group) ?? []), entry]);
	return groups;
}

function wavesOf(group: Entry[]) {
	const seen = new Map<string, number>();
	const waves: Entry[][] = [];
	for (const entry of group) {
		const wave = seen.get(entry.part.target) ?? 0;
		seen.set(entry.part.target, wave + 1);
		(waves[wave] ??= []).push(entry);
	}
	return waves;
}

function chunksOf(entries: Entry[], size: number) {
	const chunks: Entry[][] = [];
	for (let start = 0; start < entries.length; start += size) chunks.push(entries.slice(start, start + size));
	return chunks;
}

/**
 * One batch, all or none: when GEN refuses it because of some of its actions, it goes again
 * without them (a new payload, so a new key), and those items get their own errors.
 */
async function sendBatch(batch: Entry[]): Promise<Array<[Entry, Outcome]>> {
	const done: Array<[Entry, Outcome]> = [];
	let live = batch;
	while (live.length > 0) {
		let response: IN8nHttpFullResponse;
		try {
			response = await untilSettled(live);
		} catch (error) {
			const failure = error as Error | ((entry: Entry) => Error);
			return [...done, ...live.map((entry): [Entry, Outcome] => [entry, { error: typeof failure === 'function' ? failure(entry) : failure, saved: false }])];
		}
		if (response.statusCode >= 200 && response.statusCode < 300) return [...done, ...(await savedOutcomes(live, response))];
		const refused = refusedActions(response.body, live.length);
		if (refused.size === 0) {
			const errors = await Promise.all(live.map(async (entry) => await answerError(entry, response)));
			return [...done, ...live.map((entry, i): [Entry, Outcome] => [entry, { error: errors[i], saved: false }])];
		}
		for (const [position, detail] of refused) {
			done.push([live[position], { error: await refusedItemError(live[position], response, detail), saved: false }]);
		}
		live = live.filter((_entry, position) => !refused.has(position));
	}
	return done;
}

const PENDING = ['source_not_ready', 'generation_pending'];

/** GEN's "not yet" (202): nothing is applied; the same payload and key go again after its delay. */
function pendingOf(response: IN8nHttpFullResponse) {
	const body = response.body as IDataObject | undefined;
	const pending = response.statusCode === 202 || (body?.retryable === true && PENDING.includes(String(body?.error_code)));
	return pending && !Array.isArray(body?.results) ? (body ?? {}) : undefined;
}

/**
 * Sends the batch, and again with the identical payload and key for as long as GEN answers it
 * is pending, within Options > Timeout (Minutes). Throws a function that makes each item's error.
 */
async function untilSettled(live: Entry[]): Promise<IN8nHttpFullResponse> {
	const [first] = live;
	const { context } = first;
	const body = { agent_id: first.agentId, actions: live.map((entry) => entry.action) };
	const key = idempotencyKey(context, body, live.map((entry) => entry.index));
	const options = { ...first.options, body, headers: { ...first.options.headers, 'Idempotency-Key': key }, returnFullResponse: true };
	const signal = context.getExecutionCancelSignal();
	const deadline = Date.now() + first.part.timeoutMs;
	for (let attempt = 1; ; attempt++) {
		if (signal?.aborted) throw cancelledError(attempt === 1);
		const response = (await withRunSlot(context, async () =>
			await context.helpers.httpRequestWithAuthentication.call(context, credentialType(context.getNode()), options),
		)) as IN8nHttpFullResponse;
		const pending = pendingOf(response);
		if (!pending) return response;
		const waitMs = Math.max(1, Number(pending.retry_after_seconds) || 0) * 1000;
		if (Date.now() + waitMs > deadline) throw batchTimeoutError(pending, first.part.timeoutMs, live.length);
		await pause(waitMs, signal);
	}
}
