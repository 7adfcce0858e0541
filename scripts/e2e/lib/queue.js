// @ts-check
'use strict';

/**
 * n8n queue mode ("scaling mode") for the end-to-end test and the benchmark: a throwaway Redis,
 * a throwaway PostgreSQL, an n8n main process with EXECUTIONS_MODE=queue and `n8n worker`
 * processes, all sharing one user folder (one installed copy of the package) and one database.
 * Builds on ./n8n.js:
 *
 *   const n8n = require('./n8n');
 *   const queue = require('./queue');
 *   const pg = await queue.startPostgres();
 *   const app = await n8n.createInstance({ line: '2', label: 'queue', env: pg.env });
 *   const redis = await queue.startRedis();
 *   const cluster = await queue.startCluster(app, redis, { workers: 2 });   // main + 2 workers, all ready
 *   ...                                                                      // webhooks → jobs → workers
 *   queue.executionsByWorker(cluster.workers);                               // which worker ran what
 *   await cluster.stop(); await redis.stop(); await app.dispose(); await pg.stop();
 *
 * Facts from n8n 2.41.1 (packages/cli): SQLite in queue mode is allowed, with a warning ("Scaling
 * mode is not officially supported with sqlite"), but main and workers then write one SQLite file
 * from several processes without a busy timeout, and under load an execution fails with
 * "SQLITE_BUSY: database is locked" (seen here at ~20 executions/s): the test and the bench use a
 * throwaway PostgreSQL (startPostgres; pass its `env` to n8n.createInstance). Every worker starts its own task broker
 * (N8N_RUNNERS_BROKER_PORT, default 5679) and, with QUEUE_HEALTH_CHECK_ACTIVE=true, a health
 * server (QUEUE_HEALTH_CHECK_PORT, default 5678, address N8N_WORKER_SERVER_ADDRESS, default ::),
 * so each gets free ports of its own; a worker logs `Worker finished execution <id> (job <n>)`.
 * Redis and PostgreSQL come from ./redis.js and ./postgres.js (exported here too).
 * Types: the JSDoc here.
 */

const { startRedis } = require('./redis');
const { startPostgres } = require('./postgres');
const { spawnTracked, stopProcess, freePort, captureOutput, sleep } = require('./processes');

/**
 * @typedef {import('./redis').Redis} Redis
 * @typedef {import('./postgres').Postgres} Postgres
 * @typedef {import('./instance').N8nInstance} N8nInstance
 */

/**
 * @typedef {object} Worker  one `n8n worker`
 * @property {string} name
 * @property {number} healthPort
 * @property {number} brokerPort
 * @property {import('node:child_process').ChildProcess} process
 * @property {() => string} output  the worker's log (last 2 MB)
 * @property {() => Promise<void>} stop
 */

/**
 * @typedef {object} Cluster  a queue-mode main process and its workers
 * @property {N8nInstance} app
 * @property {string} prefix  Bull key prefix of this cluster
 * @property {Worker[]} workers
 * @property {(name?: string) => Promise<Worker>} addWorker
 * @property {() => Promise<void>} stop  stops the workers and the main process
 */

/**
 * Environment of every process of a queue-mode cluster (main and workers).
 * @param {{ port: number }} redis
 * @param {string} [prefix]  Bull key prefix (one per cluster)
 * @returns {Record<string, string>}
 */
function queueEnv(redis, prefix = 'bull') {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_BULL_PREFIX: prefix,
		// Workers and main report their health; main waits for a job's end to answer a webhook.
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		// every execution's data stays in the database, so the test can read it back
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
	};
}

/**
 * Polls a URL until it answers 200 (or the process exits / the time is up).
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} child
 * @param {() => string} output
 * @param {number} timeoutMs
 * @param {string} what
 */
async function waitFor200(url, child, output, timeoutMs, what) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output().slice(-6000)}`);
		}
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
			await response.arrayBuffer();
			if (response.status === 200) return;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`${what} was not ready after ${timeoutMs} ms:\n${output().slice(-6000)}`);
		await sleep(200);
	}
}

/**
 * Waits until `n8n start` is fully up: in 2.x `/rest/settings` answers 200 "n8n is starting up"
 * while migrations run; `/healthz/readiness` is 200 only when the DB is migrated and the server
 * fully started.
 * @param {N8nInstance} app
 * @param {number} [timeoutMs]
 * @returns {Promise<void>}
 */
async function waitForMainReady(app, timeoutMs = 120_000) {
	const server = app.server;
	if (!server) throw new Error('n8n is not started');
	await waitFor200(`${server.url}/healthz/readiness`, server.process, server.output, timeoutMs, 'n8n main');
}

/**
 * Starts one `n8n worker` on the instance's user folder with its own health and broker ports;
 * resolves when its `/healthz/readiness` answers 200 (it is then taking jobs).
 * @param {N8nInstance} app
 * @param {{ port: number }} redis
 * @param {{ name?: string, concurrency?: number, prefix?: string, env?: Record<string, string | undefined>, timeoutMs?: number }} [options]
 * @returns {Promise<Worker>}
 */
async function startWorker(app, redis, options = {}) {
	const name = options.name ?? 'worker';
	const healthPort = await freePort();
	const brokerPort = await freePort();
	const env = app.env({
		...queueEnv(redis, options.prefix),
		QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		...options.env,
	});
	const args = [app.installation.n8nBin, 'worker', `--concurrency=${options.concurrency ?? 10}`];
	const child = spawnTracked(app.installation.nodeBin, args, { cwd: app.userFolder, env, stdio: ['ignore', 'pipe', 'pipe'] });
	const output = captureOutput(child, 2_000_000);
	/** @type {Worker} */
	const worker = {
		name,
		healthPort,
		brokerPort,
		process: child,
		output,
		stop: () => stopProcess(child, 10_000),
	};
	try {
		await waitFor200(`http://127.0.0.1:${healthPort}/healthz/readiness`, child, output, options.timeoutMs ?? 120_000, name);
	} catch (error) {
		await worker.stop();
		throw error;
	}
	return worker;
}

/**
 * Main (`n8n start`, EXECUTIONS_MODE=queue) plus `workers` workers on one user folder; resolves
 * when all are ready. Starts the main first: it runs the database migrations the workers need.
 * `stop()` stops workers and main (safe to call twice).
 * @param {N8nInstance} app  from n8n.createInstance (not started)
 * @param {{ port: number }} redis
 * @param {{ workers?: number, concurrency?: number, prefix?: string, env?: Record<string, string | undefined> }} [options]
 * @returns {Promise<Cluster>}
 */
async function startCluster(app, redis, options = {}) {
	const prefix = options.prefix ?? `gen${Date.now().toString(36)}`;
	/** @type {Worker[]} */
	const workers = [];
	/** @type {Cluster} */
	const cluster = {
		app,
		prefix,
		workers,
		/** @param {string} [name] */
		addWorker: async (name) => {
			const worker = await startWorker(app, redis, {
				name: name ?? `worker-${workers.length + 1}`,
				concurrency: options.concurrency,
				prefix,
				env: options.env,
			});
			workers.push(worker);
			return worker;
		},
		stop: async () => {
			await Promise.all(workers.map((worker) => worker.stop()));
			await app.stopServer();
		},
	};
	try {
		// main's own health server shares its HTTP port; its broker port is chosen by n8n.js
		await app.start({ env: { ...queueEnv(redis, prefix), ...options.env } });
		await waitForMainReady(app);
		const names = Array.from({ length: options.workers ?? 2 }, (_, i) => `worker-${i + 1}`);
		const started = await Promise.allSettled(names.map((name) => startWorker(app, redis, { name, concurrency: options.concurrency, prefix, env: options.env })));
		for (const result of started) if (result.status === 'fulfilled') workers.push(result.value);
		const failed = started.find((result) => result.status === 'rejected');
		if (failed) throw /** @type {PromiseRejectedResult} */ (failed).reason;
	} catch (error) {
		await cluster.stop();
		throw error;
	}
	return cluster;
}

/**
 * Execution ids each worker finished, read from its log (`Worker finished execution <id>`).
 * @param {{ name: string, output(): string }[]} workers
 * @returns {Record<string, string[]>}
 */
function executionsByWorker(workers) {
	/** @type {Record<string, string[]>} */
	const byWorker = {};
	for (const worker of workers) {
		const ids = [...worker.output().matchAll(/Worker finished execution (\S+) \(job/g)].map((m) => m[1]);
		byWorker[worker.name] = [...new Set(ids)];
	}
	return byWorker;
}

module.exports = {
	startRedis,
	startPostgres,
	queueEnv,
	startWorker,
	startCluster,
	waitForMainReady,
	executionsByWorker,
};
