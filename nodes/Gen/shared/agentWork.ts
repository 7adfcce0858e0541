import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { leaveSlot } from './dispatch';
import { itemError } from './errors';
import { checkedId } from './input';
import { genOperation, type Operation } from './routing';
import { pollOnce, waitSettings, waitUntilDone, type WaitSettings } from './waiting';

// Jobs (ideas, research) and chat runs of GEN's agent host, waited for like generations.

/** A kind of work on the agent host: where to poll it and which operation picks it up later. */
export type AgentWork = {
	/** e.g. "ideas job", in errors */
	noun: string;
	idField: 'job_id' | 'run_id';
	/** The poll path; `{id}` is filled URL-encoded. */
	path: string;
	expected: string;
	/** e.g. "Idea > Get Job (Job ID": the operation and its field that pick the work up. */
	pickUp: string;
	/** Statuses that end the wait; any other (queued, running, …) waits on. */
	ended: string[];
};

export const IDEAS_JOB: AgentWork = {
	noun: 'ideas job',
	idField: 'job_id',
	path: '/ideas/jobs/{id}',
	expected: 'an ideas job',
	pickUp: 'Idea > Get Job (Job ID',
	ended: ['completed'],
};

export const RESEARCH_JOB: AgentWork = {
	noun: 'research job',
	idField: 'job_id',
	path: '/analyze/jobs/{id}',
	expected: 'a research job',
	pickUp: 'Research > Get Job (Job ID',
	ended: ['completed'],
};

// awaiting_approval is an outcome to hand on (Approve or Reject), not a state to wait through.
export const AGENT_RUN: AgentWork = {
	noun: 'agent run',
	idField: 'run_id',
	path: '/agent/runs/{id}',
	expected: 'an agent run',
	pickUp: 'Agent Chat > Get Run (Run ID',
	ended: ['completed', 'awaiting_approval'],
};

const FAILED = new Set(['failed', 'error', 'cancelled', 'canceled']);

function outcome(context: IExecuteSingleFunctions, work: AgentWork, id: unknown, answer: IDataObject) {
	const status = String(answer.status ?? '');
	if (work.ended.includes(status)) return 'done';
	if (!FAILED.has(status)) return undefined;
	const reason = typeof answer.error === 'string' && answer.error ? answer.error : JSON.stringify(answer.error ?? 'no reason given');
	return itemError(
		context,
		`GEN ${work.noun} ${String(id)} ${status === 'failed' || status === 'error' ? 'failed' : 'was cancelled'}: ${reason}`,
		'Fix what GEN names (agent, query, brief, message) and run again.',
	);
}

/**
 * The job or run once it has ended, as GEN's last poll shows it; with Wait for Completion off,
 * GEN's answer as it is. A failed one is the item's error with GEN's `error`.
 */
export async function endedWork(
	context: IExecuteSingleFunctions,
	work: AgentWork,
	answer: IDataObject,
	settings: WaitSettings,
): Promise<IDataObject> {
	if (!settings.wait) return answer;
	const id = answer[work.idField] as string | number | undefined;
	if (id === undefined || id === null || id === '') {
		throw itemError(context, `GEN's answer names no ${work.idField}`, 'The node cannot wait for it. Run again with Wait for Completion off to see what GEN answered.');
	}
	// The start request is done: waiting holds no request slot, so all items wait together.
	leaveSlot(context);
	const now = outcome(context, work, id, answer);
	if (now === 'done') return answer;
	if (now) throw now;
	const pickUp = `Pick it up later with GEN > ${work.pickUp} ${String(id)}).`;
	return await waitUntilDone(context, settings, {
		poll: async () => await pollOnce(context, work.path.replace('{id}', encodeURIComponent(String(id))), work.expected, 'agent'),
		outcome: (polled) => outcome(context, work, id, polled),
		stopped: (why) =>
			itemError(
				context,
				`GEN ${work.noun} ${String(id)} ${why.cancelled ? 'was still running when the execution was cancelled' : `is not finished after ${why.waited}`}`,
				`It goes on in GEN. ${pickUp}`,
			),
	});
}

/** GEN calls a run's progress_stream_url sensitive: no output carries it. */
export function withoutStreamUrl(answer: IDataObject): IDataObject {
	const rest = { ...answer };
	delete rest.progress_stream_url;
	return rest;
}

/**
 * The Get Job operation of a kind of job (Idea > Get Job, Research > Get Job): its Job ID
 * (declared once for both, in idea/shared.ts) polled until the job ends, finished like the
 * operation that started it.
 */
export function getJobOperation(
	work: AgentWork,
	{ action, description, finish }: {
		action: string;
		description: string;
		finish: (context: IExecuteSingleFunctions, job: IDataObject, settings: WaitSettings) => Promise<INodeExecutionData[]>;
	},
): Operation {
	return genOperation({
		option: { name: 'Get Job', value: 'getJob', action, description },
		method: 'GET',
		path: work.path.replace('{id}', '{jobId}'),
		host: 'agent',
		request: (context) => ({
			ids: { jobId: checkedId(context, context.getNodeParameter('jobId', ''), 'Job ID') },
			keep: waitSettings(context),
		}),
		answer: 'object',
		expected: work.expected,
		finish: async (context, job, settings) => await finish(context, job, settings as WaitSettings),
		fields: [],
	});
}
