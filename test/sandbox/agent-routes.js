// @ts-check
'use strict';

/**
 * The agent host's state and routes (agent.js serves them): content ideas with GEN's eight statuses,
 * ideas jobs, research and trends jobs, and chat runs. Jobs and runs end after a set number of
 * polls, as `completed`, `failed`, never, or (runs) `awaiting_approval`.
 */

const STATUSES = ['generated', 'approve_to_create', 'ready_for_review', 'change_idea', 'change_video', 'rejected', 'approved_to_post', 'posted'];

/** @typedef {'completed' | 'failed' | 'never' | 'awaiting_approval'} Ending */
/** @typedef {{ ending: Ending, polls: number }} Outcome */

const seedIdeas = () => [
	{ id: 501, title: 'Before & After Glow Up', hook: 'Watch what happens in 7 days', status: 'generated' },
	{ id: 502, title: 'Three Mistakes Dermatologists See', hook: 'Stop doing this tonight', status: 'generated' },
	{ id: 503, title: 'Morning Routine in 30 Seconds', hook: '', status: 'approve_to_create' },
	{ id: 504, title: 'Why Your SPF Fails', hook: 'Most people skip this step', status: 'posted' },
].map((idea) => ({ ...idea, agent_id: 'agent_1', video_type: 'montage', video_type_id: 3, description: `${idea.title}.`, data: {}, created_at: '2026-10-01T10:00:00Z' }));

/** @param {number} status @param {string} message */
const modern = (status, message) => ({ status, body: { code: 'validation_error', message, errors: [message], retryable: false } });

/** The seeded state; a host's reset() starts a new one. */
function createAgentState() {
	const state = {
		ideas: seedIdeas(),
		/** @type {Map<string, Record<string, any>>} */
		jobs: new Map(),
		/** @type {Map<string, Record<string, any>>} */
		runs: new Map(),
		/** @type {Map<string, { status: number, body?: unknown }>} */
		replays: new Map(),
		/** @type {Outcome} */
		jobOutcome: { ending: 'completed', polls: 1 },
		/** @type {Outcome} */
		runOutcome: { ending: 'completed', polls: 1 },
		next: 1,
	};
	return state;
}

/** @param {ReturnType<typeof createAgentState>} state @param {string} prefix */
const nextId = (state, prefix) => `${prefix}_${state.next++}`;

/** @param {Record<string, any>} work @param {(work: Record<string, any>) => void} complete */
function poll(work, complete) {
	work.polls += 1;
	if (work.status !== 'queued' && work.status !== 'running') return;
	if (work.outcome.ending === 'never' || work.polls < work.outcome.polls) {
		work.status = 'running';
		return;
	}
	if (work.outcome.ending === 'failed') {
		work.status = 'failed';
		work.error = 'The agent has no research sources yet: connect an account in GEN';
		return;
	}
	work.status = work.outcome.ending;
	if (work.status === 'completed') complete(work);
}

/**
 * @param {ReturnType<typeof createAgentState>} state
 * @param {{ method: string, segments: string[], query: URLSearchParams, body: Record<string, any> }} request
 * @returns {{ status: number, body?: unknown }}
 */
function route(state, { method, segments, query, body }) {
	const path = segments.join('/');
	const idea = (/** @type {string} */ id) => state.ideas.find((entry) => String(entry.id) === id);
	const notFound = { status: 404, body: { error: 'Not found', error_code: 'not_found' } };

	if (method === 'GET' && path === 'agent/ideas') {
		const agentId = query.get('agent_id');
		if (!agentId) return modern(422, 'agent_id is required');
		const status = query.get('status');
		if (status && !STATUSES.includes(status)) return modern(422, `status must be one of ${STATUSES.join(', ')}`);
		return { status: 200, body: state.ideas.filter((entry) => entry.agent_id === agentId && (!status || entry.status === status)) };
	}
	if (segments[0] === 'agent' && segments[1] === 'ideas' && segments.length === 3 && method === 'GET') {
		const found = idea(segments[2]);
		return found ? { status: 200, body: found } : notFound;
	}
	if (segments[0] === 'agent' && segments[1] === 'ideas' && segments[3] === 'status' && segments.length === 5 && method === 'PUT') {
		const found = idea(segments[2]);
		if (!found) return notFound;
		if (!STATUSES.includes(segments[4])) return { status: 422, body: { error: 'Invalid status', error_code: 'invalid_status' } };
		found.status = segments[4];
		return { status: 200, body: found };
	}
	if (segments[0] === 'ideas' && segments.length === 3 && method === 'POST' && (segments[2] === 'expand' || segments[2] === 'create-video')) {
		const found = idea(segments[1]);
		if (!found) return notFound;
		if (segments[2] === 'expand') {
			return { status: 200, body: { idea_id: found.id, project_manifest: { video_title: found.title, total_duration: 12, timeline_layers: [] } } };
		}
		return { status: 200, body: { idea_id: found.id, spreadsheet_id: 777, status: 'created' } };
	}
	if (method === 'POST' && path === 'ideas/generate') return startIdeasJob(state, body);
	if (method === 'GET' && segments[0] === 'ideas' && segments[1] === 'jobs' && segments.length === 3) {
		const job = state.jobs.get(segments[2]);
		if (!job || job.kind !== 'ideas') return notFound;
		poll(job, (done) => {
			done.ideas = Array.from({ length: done.count }, (_unused, index) => ({
				id: 600 + index + 1,
				agent_id: done.agent_id,
				title: `Idea ${index + 1} about ${done.brief || 'the niche'}`,
				hook: index % 2 === 0 ? `Hook ${index + 1}` : '',
				status: 'generated',
			}));
			state.ideas.push(...done.ideas);
		});
		const { job_id, status, run_id, error, ideas } = job;
		return { status: 200, body: { job_id, status, run_id, error: error ?? null, ideas: ideas ?? [] } };
	}
	if (method === 'POST' && (path === 'analyze/research' || path === 'analyze/trends')) return startResearchJob(state, path.slice(8), body);
	if (method === 'GET' && segments[0] === 'analyze' && segments[1] === 'jobs' && segments.length === 3) {
		const job = state.jobs.get(segments[2]);
		if (!job || job.kind === 'ideas') return notFound;
		poll(job, (done) => {
			done.result = { kind: done.kind, query: done.query, items: [{ title: `Top ${done.kind} for ${done.query || 'the niche'}`, hook: 'You will not believe this' }] };
		});
		const { job_id, status, kind, agent_id, error, result } = job;
		return { status: 200, body: { job_id, status, kind, agent_id, error: error ?? null, result: result ?? null } };
	}
	if (method === 'POST' && path === 'agent/run') return startRun(state, body);
	if (segments[0] === 'agent' && segments[1] === 'runs' && segments.length === 3 && method === 'GET') {
		const run = state.runs.get(segments[2]);
		if (!run) return notFound;
		poll(run, (done) => done.messages.push({ role: 'assistant', content: `Here is my answer to: ${done.message}` }));
		return { status: 200, body: presentRun(run) };
	}
	if (segments[0] === 'agent' && segments[1] === 'runs' && segments[3] === 'approve' && segments.length === 4 && method === 'POST') {
		const run = state.runs.get(segments[2]);
		if (!run) return notFound;
		if (run.status !== 'awaiting_approval') return { status: 422, body: { error: 'Run is not awaiting approval', error_code: 'invalid_state' } };
		if (typeof body.approved !== 'boolean') return modern(422, 'approved must be true or false');
		run.status = body.approved ? 'running' : 'failed';
		run.outcome = { ending: 'completed', polls: run.polls + 1 };
		if (!body.approved) run.error = 'Rejected by the user';
		return { status: 200, body: { run_id: run.run_id, status: run.status } };
	}
	return notFound;
}

/** @param {ReturnType<typeof createAgentState>} state @param {Record<string, any>} body */
function startIdeasJob(state, body) {
	if (typeof body.agent_id !== 'string' || !body.agent_id) return modern(422, 'agent_id is required');
	const count = body.count ?? 5;
	if (!Number.isInteger(count) || count < 1 || count > 50) return modern(422, 'count must be 1-50');
	const job = { job_id: nextId(state, 'job'), run_id: nextId(state, 'run'), kind: 'ideas', status: 'queued', polls: 0, outcome: state.jobOutcome, agent_id: body.agent_id, brief: body.brief ?? '', count };
	state.jobs.set(job.job_id, job);
	return { status: 200, body: { job_id: job.job_id, status: job.status, run_id: job.run_id } };
}

/** @param {ReturnType<typeof createAgentState>} state @param {string} kind @param {Record<string, any>} body */
function startResearchJob(state, kind, body) {
	if (typeof body.agent_id !== 'string' || !body.agent_id) return modern(422, 'agent_id is required');
	if (kind === 'research' && (typeof body.query !== 'string' || !body.query)) return modern(422, 'query is required');
	const job = { job_id: nextId(state, 'job'), kind, status: 'queued', polls: 0, outcome: state.jobOutcome, agent_id: body.agent_id, query: body.query ?? '' };
	state.jobs.set(job.job_id, job);
	return { status: 200, body: { job_id: job.job_id, status: job.status, kind } };
}

/** @param {ReturnType<typeof createAgentState>} state @param {Record<string, any>} body */
function startRun(state, body) {
	if (typeof body.message !== 'string' || !body.message || typeof body.agent_id !== 'string' || !body.agent_id) {
		return { status: 422, body: { error: 'message and agent_id are required', error_code: 'validation_error' } };
	}
	const runId = nextId(state, 'run');
	const run = {
		run_id: runId,
		conversation_id: body.conversation_id ?? nextId(state, 'conv'),
		status: 'running',
		polls: 0,
		outcome: state.runOutcome,
		message: body.message,
		messages: [{ role: 'user', content: body.message }],
	};
	state.runs.set(runId, run);
	const streamUrl = `https://agent.gen.pro/v1/progress/${runId}?token=secret-stream-token`;
	return { status: 202, body: { run_id: runId, conversation_id: run.conversation_id, status: 'running', progress_stream_url: streamUrl } };
}

/** @param {Record<string, any>} run */
function presentRun(run) {
	const { run_id, conversation_id, status, messages, error } = run;
	return {
		run_id,
		conversation_id,
		status,
		messages,
		...(error && { error }),
		...(status === 'awaiting_approval' && { pending_action: { tool: 'create_vidsheet', summary: 'Create a vidsheet for idea 501' } }),
		progress_stream_url: `https://agent.gen.pro/v1/progress/${run_id}?token=secret-stream-token`,
	};
}

/** @param {unknown} value @returns {Outcome} */
function checkedOutcome(value) {
	const outcome = /** @type {Partial<Outcome>} */ (value ?? {});
	const endings = ['completed', 'failed', 'never', 'awaiting_approval'];
	if (!endings.includes(String(outcome.ending))) throw new TypeError(`ending must be one of ${endings.join(', ')}`);
	const polls = outcome.polls ?? 1;
	if (!Number.isInteger(polls) || polls < 1) throw new TypeError('polls must be a whole number >= 1');
	return { ending: /** @type {Ending} */ (outcome.ending), polls };
}

module.exports = { createAgentState, route, checkedOutcome };
