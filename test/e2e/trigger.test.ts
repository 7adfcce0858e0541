/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- end-to-end test code runs in Node, not inside n8n */
/**
 * GEN Trigger in the running n8n app (`n8n start`, 127.0.0.1 only), for each n8n line:
 * examples/approved-idea-to-post.json imported and activated as it ships (Poll Times every
 * minute). The poll n8n runs on activation records the agent's approved ideas; the sandbox then
 * moves an idea to `approved_to_post`, the next poll starts one execution that posts the idea to
 * LinkedIn and X and marks it posted, and the poll after that starts nothing.
 *
 * n8n polls at a random second of every minute, so a line waits up to two minutes and a half. The
 * lines run side by side, each with its own sandbox and n8n, so the file takes about one line's time.
 */
import * as n8n from '../../scripts/e2e/lib/n8n';
import { listExecutions, readExecution } from '../../scripts/e2e/lib/executions';
import { loadWorkflowDir } from '../../scripts/e2e/lib/run-data';
import { examplesDir, linesToTest, waitFor } from '../../scripts/e2e/lib/suite';
import { startSandbox, type RecordedRequest, type Sandbox } from '../sandbox/server';

const EXAMPLE = 'approved-idea-to-post.json';
const WORKFLOW_ID = 'exApprovedToPost';
const IDEA_ID = 502;
/** A minute to the next poll, and its execution's start. */
const NEXT_POLL_MS = 80_000;
/** Post > Publish waits until both platforms say published (the sandbox takes two of its polls). */
const RUN_MS = 60_000;
/** After the poll that follows the execution: time for an execution it might have started to show. */
const GRACE_MS = 5_000;

const example = loadWorkflowDir(examplesDir).find(({ file }) => file === EXAMPLE)!.workflow;

/** What one line's run left: the sandbox's logs, n8n's executions and output, and when things happened. */
type Outcome = {
	sandbox: Sandbox;
	/** the GEN requests before the idea moved */
	before: { main: number; agent: RecordedRequest[] };
	executionsBefore: unknown[];
	/** how many idea polls there were when the post came, and at the end */
	pollsAtPost: number;
	pollsAtEnd: number;
	executions: Array<{ id: string; status: string; mode: string }>;
	execution: { data: unknown };
	output: string;
	seconds: { activation: number; toPost: number; total: number };
};

const ideaPolls = (sandbox: Sandbox) => sandbox.agent.requests.filter((r) => r.method === 'GET' && r.path === '/v1/agent/ideas');
const posts = (sandbox: Sandbox) => sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/v1/schedule/with-post');
const since = (start: number) => Math.round((Date.now() - start) / 1000);

/** waitFor, failing with what n8n and the sandbox did so far (the API key left out). */
async function waitOr<T>(sandbox: Sandbox, app: n8n.N8nInstance, check: () => T | Promise<T>, timeoutMs: number, what: string) {
	try {
		return await waitFor(check, { timeoutMs, intervalMs: 500, what });
	} catch (error) {
		const seen = [...sandbox.agent.requests, ...sandbox.requests].map((r) => `${r.method} ${r.url}`);
		const output = (app.server?.output() ?? '').slice(-4000).split(sandbox.apiKey).join('<API key>');
		throw new Error(`${(error as Error).message}.\nGEN requests so far: ${JSON.stringify(seen)}\nn8n output (end):\n${output}`);
	}
}

async function runLine(line: string, sandbox: Sandbox, app: n8n.N8nInstance): Promise<Outcome> {
	const started = Date.now();
	await app.importCredentials([n8n.genApiCredential({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl, agentBaseUrl: sandbox.agent.baseUrl })]);
	await app.importWorkflows([{ ...example, id: WORKFLOW_ID }]);
	await app.start();
	await app.setupOwner();
	const activated = Date.now();
	await app.activateWorkflow(WORKFLOW_ID);
	await waitOr(sandbox, app, () => ideaPolls(sandbox).length > 0, 30_000, `the poll of line ${line}'s activation`);
	const activation = since(activated);
	const before = { main: sandbox.requests.length, agent: [...sandbox.agent.requests] };
	const executionsBefore = await listExecutions(app, WORKFLOW_ID);

	const moved = Date.now();
	const idea = sandbox.agent.state.ideas.find((entry) => entry.id === IDEA_ID)!;
	idea.status = 'approved_to_post';
	await waitOr(sandbox, app, () => posts(sandbox).length > 0, NEXT_POLL_MS, `n8n ${line}.x to post idea ${IDEA_ID} after it reached approved_to_post (no execution came)`);
	const toPost = since(moved);
	const pollsAtPost = ideaPolls(sandbox).length;
	const finished = async () => (await listExecutions(app, WORKFLOW_ID)).find((e: { status: string }) => !['new', 'running', 'waiting'].includes(e.status));
	await waitOr(sandbox, app, finished, RUN_MS, `the execution on n8n ${line}.x to finish`);
	await waitOr(sandbox, app, () => ideaPolls(sandbox).length > pollsAtPost, NEXT_POLL_MS, `the poll after the execution on n8n ${line}.x`);
	await new Promise((resolve) => setTimeout(resolve, GRACE_MS));

	const executions = await listExecutions(app, WORKFLOW_ID);
	return {
		sandbox,
		before,
		executionsBefore,
		pollsAtPost,
		pollsAtEnd: ideaPolls(sandbox).length,
		executions,
		execution: await readExecution(app, executions[0].id),
		output: app.server?.output() ?? '',
		seconds: { activation, toPost, total: since(started) },
	};
}

const lines = linesToTest();
const outcomes = new Map<string, Promise<Outcome>>();
const cleanups: Array<() => Promise<void>> = [];

beforeAll(() => {
	// Started here, awaited by each line's tests: the lines' minute-long waits overlap.
	for (const { line } of lines) {
		const outcome = (async () => {
			const sandbox = await startSandbox();
			cleanups.push(async () => sandbox.close());
			const app = await n8n.createInstance({ line, label: `trigger-v${line}` });
			cleanups.push(async () => app.dispose());
			return await runLine(line, sandbox, app);
		})();
		outcome.catch(() => undefined);
		outcomes.set(line, outcome);
	}
});

afterAll(async () => {
	await Promise.allSettled(outcomes.values());
	await Promise.allSettled(cleanups.reverse().map(async (cleanup) => cleanup()));
	await n8n.stopAll();
});

describe.each(lines)('n8n $version (line $line) GEN Trigger', ({ line }) => {
	let outcome: Outcome;

	beforeAll(async () => {
		outcome = await outcomes.get(line)!;
		// eslint-disable-next-line no-console -- how long the line took, for the CI log
		console.log(`GEN Trigger e2e, n8n ${line}.x: activation poll ${outcome.seconds.activation} s, post ${outcome.seconds.toPost} s after the idea moved, ${outcome.seconds.total} s in all`);
	});

	test('activation polls once and records: nothing runs until an idea reaches the status', () => {
		const { sandbox, before, executionsBefore } = outcome;
		expect(before.agent.length).toBeGreaterThanOrEqual(1);
		for (const poll of before.agent) {
			expect(poll).toMatchObject({ method: 'GET', path: '/v1/agent/ideas', query: { agent_id: 'agent_1', status: 'approved_to_post' } });
		}
		expect(before.main).toBe(0);
		expect(executionsBefore).toEqual([]);
		expect(sandbox.agent.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /v1/agent/ideas/${IDEA_ID}/status/posted`]);
	});

	test('the next poll runs the workflow once: one post of the idea with an Idempotency-Key, then the idea is posted', () => {
		const { sandbox, executions } = outcome;
		const idea = sandbox.agent.state.ideas.find((entry) => entry.id === IDEA_ID)!;
		const [post, ...more] = posts(sandbox);
		expect(more).toEqual([]);
		expect(post.body).toEqual({
			agent_id: 'agent_1',
			platform: ['linkedin', 'x'],
			schedule_type: 'now',
			description: `${String(idea.title)}\n\n${String(idea.description)}`,
			strict: true,
		});
		expect(post.headers['idempotency-key']).toMatch(/^n8n-/);
		expect(idea.status).toBe('posted');
		expect(executions.map(({ status, mode }) => [status, mode])).toEqual([['success', 'trigger']]);
		const runData = (outcome.execution.data as { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } }).resultData.runData;
		const items = (node: string) => runData[node][0].data.main[0].map(({ json }) => json);
		expect(items('Idea approved to post')).toMatchObject([{ id: IDEA_ID, status: 'approved_to_post' }]);
		expect(Object.keys(items('Post to LinkedIn and X')[0].published as object).sort()).toEqual(['linkedin', 'x']);
		expect(items('Mark as posted')).toMatchObject([{ id: IDEA_ID, status: 'posted' }]);
	});

	test("the API key goes only to GEN's two hosts, in X-API-Key, and is nowhere in n8n's data or output", () => {
		const { sandbox, execution, output } = outcome;
		const requests = [...sandbox.requests, ...sandbox.agent.requests];
		expect(requests.map((r) => [r.headers['x-api-key'] === sandbox.apiKey, r.headers.authorization])).toEqual(requests.map(() => [true, undefined]));
		expect(requests.filter((r) => r.rawBody.includes(sandbox.apiKey) || r.url.includes(sandbox.apiKey))).toEqual([]);
		expect(String(posts(sandbox)[0].headers['idempotency-key'])).not.toContain(sandbox.apiKey);
		expect(sandbox.cdn.requests).toEqual([]);
		expect(JSON.stringify(execution)).not.toContain(sandbox.apiKey);
		expect(output).not.toContain(sandbox.apiKey);
	});

	test('a further poll starts nothing: no second post', () => {
		const { sandbox, pollsAtPost, pollsAtEnd, executions } = outcome;
		expect(pollsAtEnd).toBeGreaterThan(pollsAtPost);
		expect(posts(sandbox)).toHaveLength(1);
		expect(executions).toHaveLength(1);
	});
});
