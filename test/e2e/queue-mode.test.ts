/* eslint-disable no-console -- end-to-end test code runs in Node, not inside n8n */
/**
 * Scaling out: the packed package in n8n 2.x queue mode. One Redis (Debian's redis-server, see
 * .ci/redis.sh), one PostgreSQL (Debian's postgresql, see .ci/postgres.sh), an n8n main process
 * (EXECUTIONS_MODE=queue) and two `n8n worker` processes sharing one user folder, so one
 * installed copy of the package, as a user's community-package install. 20 webhook calls become
 * 20 Bull jobs; both workers must run some, every execution must succeed and the GEN sandbox
 * must see every request.
 *
 * Why PostgreSQL: n8n 2.41.1 starts queue mode on SQLite with only a warning ("not officially
 * supported"), but three processes then write one SQLite file and executions fail now and then
 * with "SQLITE_BUSY: database is locked" (seen in `npm run bench`). n8n's docs require Postgres.
 */
import * as n8n from '../../scripts/e2e/lib/n8n';
import * as queue from '../../scripts/e2e/lib/queue';
import { callWebhook, listExecutions, nodeRun, readExecution } from '../../scripts/e2e/lib/executions';
import { startSandbox, type Sandbox } from '../sandbox/server';

const WORKFLOW_ID = 'genQueueMode001';
const WEBHOOK_PATH = 'gen-queue-mode';
const GENERATE_WORKFLOW_ID = 'genQueueGenerate1';
const GENERATE_PATH = 'gen-queue-generate';
const GENERATIONS = 6;
const CREDENTIAL_ID = 'genQueueCred001';
const EXECUTIONS = 20;
/** per worker; with 20 jobs in flight one worker alone cannot take them all */
const WORKER_CONCURRENCY = 5;
/** every sandbox answer waits this long, so jobs overlap and both workers are needed */
const SANDBOX_LATENCY_MS = 200;

let sandbox: Sandbox | undefined;
let postgres: queue.Postgres | undefined;
let app: n8n.N8nInstance | undefined;
let redis: queue.Redis | undefined;
let cluster: queue.Cluster | undefined;

/** A production webhook that answers with the last node's output. */
function webhookNode(path: string, webhookId: string, responseData: string) {
	return {
		id: 'webhook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData },
	};
}

function workflow(nodeType: string) {
	const credentials = { genApi: { id: CREDENTIAL_ID, name: 'GEN account' } };
	return {
		id: WORKFLOW_ID,
		name: 'GEN in queue mode',
		settings: { executionOrder: 'v1' },
		nodes: [
			webhookNode(WEBHOOK_PATH, 'a3c5d0e6-0f2b-4a55-9d0e-6c1f4b0e7a01', 'allEntries'),
			{
				id: 'me',
				name: 'Current User',
				type: nodeType,
				typeVersion: 1,
				position: [220, 0],
				credentials,
				parameters: { resource: 'user', operation: 'getCurrent' },
			},
			{
				id: 'keys',
				name: 'List Keys',
				type: nodeType,
				typeVersion: 1,
				position: [440, 0],
				credentials,
				parameters: { resource: 'apiKey', operation: 'getAll', returnAll: true },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Current User', type: 'main', index: 0 }]] },
			'Current User': { main: [[{ node: 'List Keys', type: 'main', index: 0 }]] },
		},
	};
}

/** Webhook → Cell > Generate that waits for GEN's result: the wait runs on a worker. */
function generateWorkflow(nodeType: string) {
	const rl = (value: string) => ({ __rl: true, mode: 'id', value });
	return {
		id: GENERATE_WORKFLOW_ID,
		name: 'GEN generate and wait in queue mode',
		settings: { executionOrder: 'v1' },
		nodes: [
			webhookNode(GENERATE_PATH, 'b7e2c4d1-5a3f-4e8b-9c1d-2f6a8b0c3e02', 'firstEntryJson'),
			{
				id: 'generate',
				name: 'Write script',
				type: nodeType,
				typeVersion: 1,
				position: [220, 0],
				credentials: { genApi: { id: CREDENTIAL_ID, name: 'GEN account' } },
				parameters: {
					resource: 'cell',
					operation: 'generate',
					agentId: rl('agent_1'),
					contentEngineId: rl('101'),
					cellId: rl('4022'),
					generationType: 'text',
					prompt: '={{ "Script for call " + $json.body.call }}',
					options: { pollIntervalSeconds: 0.5 },
				},
			},
		],
		connections: { Webhook: { main: [[{ node: 'Write script', type: 'main', index: 0 }]] } },
	};
}

beforeAll(async () => {
	sandbox = await startSandbox({ latencyMs: SANDBOX_LATENCY_MS });
	postgres = await queue.startPostgres();
	app = await n8n.createInstance({ line: '2', label: 'queue', env: postgres.env });
	await app.importCredentials([
		n8n.genApiCredential({ id: CREDENTIAL_ID, apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl }),
	]);
	await app.importWorkflows([workflow(app.nodeType), generateWorkflow(app.nodeType)]);
	redis = await queue.startRedis();
	cluster = await queue.startCluster(app, redis, { workers: 2, concurrency: WORKER_CONCURRENCY });
	await app.setupOwner();
	await app.activateWorkflow(WORKFLOW_ID);
	await app.activateWorkflow(GENERATE_WORKFLOW_ID);
	// The webhook is registered a moment after activation; this first call also warms both sides.
	const warmUp = await callWebhook(app, WEBHOOK_PATH, { warmUp: true }, { waitForRegistrationMs: 60_000 });
	if (warmUp.status !== 200) throw new Error(`warm-up call: ${warmUp.status} ${JSON.stringify(warmUp.body)}`);
});

afterAll(async () => {
	// Everything started is stopped, also when beforeAll or the test failed.
	await cluster?.stop().catch(() => undefined);
	await redis?.stop().catch(() => undefined);
	await app?.dispose().catch(() => undefined);
	await postgres?.stop().catch(() => undefined);
	await sandbox?.close().catch(() => undefined);
	await n8n.stopAll();
});

test('20 webhook executions of a GEN workflow run on both queue workers and all succeed', async () => {
	const a = app!;
	const s = sandbox!;
	const workers = cluster!.workers;
	expect(workers).toHaveLength(2);
	const before = new Set((await listExecutions(a, WORKFLOW_ID)).map((e) => String(e.id)));
	s.clearRequests();

	const responses = await Promise.all(
		Array.from({ length: EXECUTIONS }, (_, i) => callWebhook(a, WEBHOOK_PATH, { call: i })),
	);

	// Each webhook answer is the last node's output: every key of the sandbox, from GEN.
	for (const response of responses) {
		expect(response.status).toBe(200);
		expect(Array.isArray(response.body)).toBe(true);
		expect(response.body.map((key: { id: number }) => key.id)).toEqual([1, 2, 3, 4, 5, 6]);
	}

	// n8n recorded 20 new production executions, all successful, with both GEN nodes' output.
	const executions = (await listExecutions(a, WORKFLOW_ID)).filter((e) => !before.has(String(e.id)));
	expect(executions).toHaveLength(EXECUTIONS);
	for (const execution of executions) {
		expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
	}
	const detail = await readExecution(a, String(executions[0].id));
	expect(nodeRun(detail.data, 'Current User').data.main[0][0].json).toMatchObject({ id: 'user_abc123' });
	expect(nodeRun(detail.data, 'List Keys').data.main[0]).toHaveLength(6);

	// The work was spread: each worker ran at least one of them, and together they ran all 20.
	const byWorker = queue.executionsByWorker(workers);
	const ids = executions.map((e) => String(e.id)).sort();
	const ran = Object.fromEntries(
		Object.entries(byWorker).map(([name, list]) => [name, list.filter((id) => ids.includes(id))]),
	);
	for (const worker of workers) expect(ran[worker.name].length).toBeGreaterThanOrEqual(1);
	expect(Object.values(ran).flat().sort()).toEqual(ids);
	// (the main process only enqueued: it never logs a worker execution)
	expect(cluster!.app.server!.output()).not.toMatch(/Worker started execution/);

	// The sandbox saw every request, each authenticated with the credential's key.
	const me = s.requests.filter((r) => r.method === 'GET' && r.path === '/v1/me');
	const list = s.requests.filter((r) => r.method === 'GET' && r.path === '/v1/persisted_tokens');
	expect(me).toHaveLength(EXECUTIONS);
	expect(list).toHaveLength(EXECUTIONS);
	expect(s.requests).toHaveLength(2 * EXECUTIONS);
	for (const request of s.requests) expect(request.headers['x-api-key']).toBe(s.apiKey);

	// Report for the log: executions per worker.
	console.log(
		`queue mode: ${EXECUTIONS} executions, ${workers.map((w) => `${w.name} ran ${ran[w.name].length}`).join(', ')}`,
	);
});

test('Cell > Generate waits for GEN on the workers and answers with the finished generation', async () => {
	const a = app!;
	const s = sandbox!;
	const before = new Set((await listExecutions(a, GENERATE_WORKFLOW_ID)).map((e) => String(e.id)));
	s.clearRequests();

	const responses = await Promise.all(
		Array.from({ length: GENERATIONS }, (_, i) =>
			callWebhook(a, GENERATE_PATH, { call: i }, { waitForRegistrationMs: 60_000 }),
		),
	);

	for (const response of responses) {
		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({ status: 'completed', user_job_type: 'text' });
	}
	const starts = s.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/cells/4022/generate'));
	expect(starts.map((r) => (r.body as { data: { prompt: string } }).data.prompt).sort()).toEqual(
		Array.from({ length: GENERATIONS }, (_, i) => `Script for call ${i}`).sort(),
	);
	const polls = s.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/generations/'));
	expect(polls.length).toBeGreaterThanOrEqual(GENERATIONS);
	for (const request of s.requests) expect(request.headers['x-api-key']).toBe(s.apiKey);

	// Every execution ran on a worker, none on the main process.
	const executions = (await listExecutions(a, GENERATE_WORKFLOW_ID)).filter((e) => !before.has(String(e.id)));
	expect(executions).toHaveLength(GENERATIONS);
	for (const execution of executions) expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
	const onWorkers = Object.values(queue.executionsByWorker(cluster!.workers)).flat();
	for (const execution of executions) expect(onWorkers).toContain(String(execution.id));
});
