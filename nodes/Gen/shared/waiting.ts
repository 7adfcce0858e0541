import {
	sleep,
	type IDataObject,
	type IExecuteSingleFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { checkAnswer } from './answer';
import { leaveSlot, runDeadline, withRunSlot } from './dispatch';
import { itemError } from './errors';
import { numberValue } from './input';
import { downloadOutputs } from './outputs';
import { genRequest, type GenHost } from './transport';

/** How an operation that starts a generation finishes: wait or not, how long, and what to download. */
export type WaitSettings = {
	wait: boolean;
	timeoutMs: number;
	intervalMs: number;
	download: boolean;
	binaryProperty: string;
	/** What the output adds to GEN's answer so it maps back to the request (Cell > Generate's cell_id). */
	origin?: IDataObject;
};

// A text generation takes seconds, a video minutes: the first polls come soon, then the interval
// grows by half each time up to six times the first (5 s → 30 s by default), so a 10-minute video
// costs GEN about 25 polls instead of 120.
const DEFAULT_INTERVAL_SECONDS = 5;
const BACK_OFF = 1.5;
const MAX_INTERVAL_FACTOR = 6;
// 0 (allowed by 0.1.x) polled GEN in a tight loop until the timeout: every interval is at least this.
const MIN_INTERVAL_SECONDS = 1;

const generationOperations = ['generate', 'render', 'wait'];
/** Idea, Research and Agent Chat operations that start or pick up a job or run on the agent host. */
const agentHostWaits = ['generate', 'getJob', 'run', 'trends', 'ask', 'getRun'];
const waitingOperations = [...new Set([...generationOperations, ...agentHostWaits])];

/**
 * Waiting, declared once for the operations that start or wait for a generation (Cell > Generate,
 * Render; Generation > Wait) or for a job or run of the agent host (Idea, Research, Agent Chat).
 */
export const waitForCompletionField: INodeProperties = {
	displayName: 'Wait for Completion',
	name: 'waitForCompletion',
	type: 'boolean',
	default: true,
	description:
		"Whether to wait until GEN has finished and output the finished work. Off: output GEN's answer at once (the generation's {generation_id, status}, the job or the run).",
	displayOptions: { show: { resource: ['cell', 'generation', 'idea', 'research', 'agentChat'], operation: waitingOperations } },
};

/** The generation options of the node's Options collection. */
export const waitingOptions: INodeProperties[] = [
	{
		displayName: 'Timeout (Minutes)',
		name: 'timeoutMinutes',
		type: 'number',
		default: 10,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description:
			'How long to wait for all items\' generations (or jobs, or runs) together (Cell > Update: how long to send a batch again while GEN says it is not ready). The work goes on in GEN after a timeout: pick it up with Generation > Wait, Idea > Get Job, Research > Get Job or Agent Chat > Get Run.',
		// Cell > Update has no Wait for Completion: hidden there means not false. Post > Publish has
		// its own (Post > Update waits for nothing).
		displayOptions: {
			show: { '/operation': [...waitingOperations, 'update'] },
			hide: { '/waitForCompletion': [false], '/resource': ['post'] },
		},
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		default: DEFAULT_INTERVAL_SECONDS,
		typeOptions: { minValue: MIN_INTERVAL_SECONDS },
		description: 'How soon to ask GEN again (at least 1 second); the interval grows by half after each poll, up to six times this',
		displayOptions: { show: { '/operation': waitingOperations, '/waitForCompletion': [true] } },
	},
	{
		displayName: 'Download Output',
		name: 'downloadOutput',
		type: 'boolean',
		default: false,
		description:
			'Whether to download the finished media (output_resources) into the item\'s binary data, for the next nodes to post or store',
		displayOptions: { show: { '/resource': ['cell', 'generation'], '/operation': generationOperations, '/waitForCompletion': [true] } },
	},
	{
		displayName: 'Put Output in Field',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		description: 'The binary property for the first file; more files get _1, _2, … (data, data_1, …)',
		displayOptions: { show: { '/resource': ['cell', 'generation'], '/operation': generationOperations, '/waitForCompletion': [true] } },
	},
];

/** Options > Timeout (Minutes) in milliseconds (fractions allowed: 0.5 is 30 seconds). */
export function timeoutOption(context: IExecuteSingleFunctions, options: IDataObject) {
	return numberValue(context, options.timeoutMinutes ?? 10, 'Timeout (Minutes)') * 60_000;
}

/** Reads the waiting parameters once, in the operation's request step. */
export function waitSettings(context: IExecuteSingleFunctions): WaitSettings {
	const wait = context.getNodeParameter('waitForCompletion', true) === true;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const seconds = numberValue(context, options.pollIntervalSeconds ?? DEFAULT_INTERVAL_SECONDS, 'Poll Interval (Seconds)');
	return {
		wait,
		timeoutMs: timeoutOption(context, options),
		intervalMs: Math.max(seconds, MIN_INTERVAL_SECONDS) * 1000,
		download: options.downloadOutput === true,
		binaryProperty: String(options.binaryProperty ?? '').trim() || 'data',
	};
}

/**
 * The output of an operation that started (or names) a generation: GEN's answer as it is, or,
 * when waiting, the finished generation with its media as binary data.
 */
export async function finishGeneration(
	context: IExecuteSingleFunctions,
	answer: IDataObject,
	settings: WaitSettings,
): Promise<INodeExecutionData[]> {
	const origin = settings.origin ?? {};
	// GEN's own fields win: it names the generation's container better than the request could.
	if (!settings.wait) return [{ json: { ...origin, ...answer } }];
	const id = (answer.generation_id ?? answer.id) as string | number;
	// The start request is done: waiting holds no request slot, so all items wait together.
	leaveSlot(context);
	// Generation > Wait reads the generation first: it may have finished already.
	const finished = answer.id !== undefined && outcomeError(context, id, answer);
	if (finished && finished !== 'done') throw finished;
	const generation = finished === 'done' ? answer : await waitForGeneration(context, id, settings);
	const json = { ...origin, ...generation };
	if (!settings.download) return [{ json }];
	return [{ json, binary: await downloadOutputs(context, generation, settings.binaryProperty) }];
}

/** What one wait is for: how to ask, what each answer means, and what to say when waiting stops first. */
export type Watch = {
	/** One poll: the work as GEN shows it now, or undefined when GEN could not say (429, 5xx). */
	poll: () => Promise<IDataObject | undefined>;
	/** 'done', the error an unsuccessful end is, or undefined while the work goes on. */
	outcome: (answer: IDataObject) => 'done' | Error | undefined;
	/** The error when the wait stops first: cancelled, or not done after `waited`. */
	stopped: (why: { cancelled: true } | { cancelled: false; waited: string }) => Error;
};

/**
 * Polls until the work ends: the first poll after the interval, then each interval half as long
 * again up to six times the first; stops at the run's one deadline or as soon as the execution is
 * cancelled. Every wait of the node (generations, idea and research jobs, agent runs) is this one.
 */
export async function waitUntilDone(
	context: IExecuteSingleFunctions,
	settings: Pick<WaitSettings, 'timeoutMs' | 'intervalMs'>,
	watch: Watch,
): Promise<IDataObject> {
	const signal = context.getExecutionCancelSignal();
	// One deadline for the whole run: items wait together, so the timeout bounds the run, not each item.
	const deadline = runDeadline(context, settings.timeoutMs);
	let interval = settings.intervalMs;
	for (;;) {
		await pause(Math.max(0, Math.min(interval, deadline - Date.now())), signal);
		if (signal?.aborted) throw watch.stopped({ cancelled: true });
		const answer = await watch.poll();
		const outcome = answer && watch.outcome(answer);
		if (answer && outcome === 'done') return answer;
		if (outcome) throw outcome;
		if (Date.now() >= deadline) throw watch.stopped({ cancelled: false, waited: minutes(settings.timeoutMs) });
		interval = Math.min(interval * BACK_OFF, settings.intervalMs * MAX_INTERVAL_FACTOR);
	}
}

async function waitForGeneration(context: IExecuteSingleFunctions, id: string | number, settings: WaitSettings) {
	return await waitUntilDone(context, settings, {
		poll: async () => await pollOnce(context, `/generations/${encodeURIComponent(String(id))}`, 'a generation'),
		outcome: (generation) => outcomeError(context, id, generation),
		stopped: (why) =>
			why.cancelled
				? waitError(context, id, 'was still running when the execution was cancelled', 'It goes on in GEN and uses its credits (Generation > Stop stops it).')
				: waitError(context, id, `is not finished after ${why.waited}`, 'It goes on in GEN.'),
	});
}

/** A duration as users read it: "30 seconds", "1.5 minutes". */
export const minutes = (ms: number) =>
	ms < 60_000 ? `${+(ms / 1000).toFixed(1)} seconds` : `${+(ms / 60_000).toFixed(2)} minute${ms === 60_000 ? '' : 's'}`;

function waitError(context: IExecuteSingleFunctions, id: string | number, what: string, first: string) {
	return itemError(
		context,
		`GEN generation ${id} ${what}`,
		`${first} Pick it up later with GEN > Generation > Wait (Generation ID ${id}), or look at it with Generation > Get.`,
	);
}

/** 'done', the error a finished-but-unsuccessful generation is, or undefined while it runs. */
function outcomeError(context: IExecuteSingleFunctions, id: string | number, generation: IDataObject) {
	if (generation.status === 'completed') return 'done';
	if (generation.status === 'failed') {
		return itemError(
			context,
			`GEN generation ${id} failed: ${String(generation.failed_reason ?? 'no reason given')}`,
			'GEN refunded its credits. Fix what the reason names (prompt, model, input resource) and generate again.',
		);
	}
	if (generation.status === 'stopped') {
		return itemError(
			context,
			`GEN generation ${id} was stopped`,
			'It was stopped (in GEN, or with Generation > Stop) and its credits were refunded. Generate again to get a result.',
		);
	}
	return undefined;
}

/** Resolves after `ms`, or as soon as the execution is cancelled. */
export async function pause(ms: number, signal: AbortSignal | undefined) {
	if (signal?.aborted) return;
	let stop = () => {};
	const cancelled = new Promise<void>((resolve) => {
		stop = resolve;
		signal?.addEventListener('abort', stop, { once: true });
	});
	await Promise.race([sleep(ms), cancelled]);
	signal?.removeEventListener('abort', stop);
}

/**
 * One poll (a GET with the node's credential, on either host) within the run's bound on requests
 * in flight. Rate limits and GEN's own failures say nothing: the next poll asks again.
 */
export async function pollOnce(
	context: IExecuteSingleFunctions,
	path: string,
	expected: string,
	host?: GenHost,
): Promise<IDataObject | undefined> {
	const response = await withRunSlot(context, async () => await genRequest(context, 'GET', path, undefined, host));
	if (response.statusCode === 429 || response.statusCode >= 500) return undefined;
	const [answer] = await checkAnswer(context, response, { answer: 'object', expected }, context.getItemIndex());
	return answer;
}
