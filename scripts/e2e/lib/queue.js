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
 * Types: ./queue.d.ts.
 */

const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const n8n = require('./n8n');

/**
 * Sends one inline Redis command and resolves to the first reply line.
 * @param {number} port
 * @param {string} command
 */
function redisCommand(port, command) {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let reply = '';
		socket.setTimeout(2000, () => socket.destroy(new Error('redis: timeout')));
		socket.once('error', reject);
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			const end = reply.indexOf('\r\n');
			if (end !== -1) {
				socket.end();
				resolve(reply.slice(0, end));
			}
		});
		socket.once('connect', () => socket.write(`${command}\r\n`));
	});
}

/**
 * Starts `redis-server` on a free 127.0.0.1 port without persistence (Debian's package: run
 * .ci/redis.sh first). Resolves when it answers PING.
 * @param {{ port?: number, timeoutMs?: number }} [options]
 */
async function startRedis(options = {}) {
	const binary = findOnPath('redis-server');
	if (!binary) throw new Error('redis-server is not installed: run .ci/redis.sh (Debian package redis-server)');
	const port = options.port ?? (await n8n.freePort());
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-gen-redis-'));
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'];
	const child = n8n.spawnTracked(binary, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const keep = (/** @type {string} */ chunk) => (output = (output + chunk).slice(-20_000));
	child.stdout?.setEncoding('utf8').on('data', keep);
	child.stderr?.setEncoding('utf8').on('data', keep);
	const stop = async () => {
		await n8n.stopProcess(child, 3000);
		fs.rmSync(dir, { recursive: true, force: true });
	};
	const deadline = Date.now() + (options.timeoutMs ?? 15_000);
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) {
			fs.rmSync(dir, { recursive: true, force: true });
			throw new Error(`redis-server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
		}
		try {
			if ((await redisCommand(port, 'PING')) === '+PONG') break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`redis-server did not answer PING on ${port}:\n${output}`);
		}
		await sleep(100);
	}
	return { port, process: child, output: () => output, command: (/** @type {string} */ c) => redisCommand(port, c), stop };
}

/** Newest Debian PostgreSQL server binaries (/usr/lib/postgresql/<major>/bin), or undefined. */
function findPostgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const majors = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin/postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(root, majors[0], 'bin') : undefined;
}

/**
 * Starts a throwaway PostgreSQL server (Debian's package: run .ci/postgres.sh first) on a free
 * 127.0.0.1 port, trust authentication, a fresh data folder, durability off (it is deleted on
 * stop), with an empty database `n8n` owned by user `n8n`. As root, the server runs as the
 * `postgres` system user (PostgreSQL refuses root). `env` is what n8n needs to use it.
 * @param {{ timeoutMs?: number }} [options]
 */
async function startPostgres(options = {}) {
	const bin = findPostgresBin();
	if (!bin) throw new Error('PostgreSQL is not installed: run .ci/postgres.sh (Debian package postgresql)');
	const port = await n8n.freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-gen-postgres-'));
	const data = path.join(dir, 'data');
	const asRoot = process.getuid?.() === 0;
	/** @param {string} tool */
	const cmd = (tool) => (asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool)]] : [path.join(bin, tool), []]);
	if (asRoot) {
		const ids = await n8n.run('id', ['-u', 'postgres']);
		const gids = await n8n.run('id', ['-g', 'postgres']);
		if (ids.code !== 0) throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as');
		fs.chownSync(dir, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
	}
	/** @param {string} tool @param {string[]} args */
	const runTool = async (tool, args) => {
		const [command, prefix] = /** @type {[string, string[]]} */ (cmd(tool));
		const result = await n8n.run(command, [...prefix, ...args], { cwd: dir, timeoutMs: 60_000 });
		if (result.code !== 0) throw new Error(`${tool} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
		return result;
	};
	try {
		await runTool('initdb', ['-D', data, '-U', 'n8n', '--auth=trust', '--encoding=UTF8', '--no-sync', '--no-instructions']);
	} catch (error) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	const [command, prefix] = /** @type {[string, string[]]} */ (cmd('postgres'));
	const serverArgs = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'];
	const child = n8n.spawnTracked(command, [...prefix, ...serverArgs], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const keep = (/** @type {string} */ chunk) => (output = (output + chunk).slice(-50_000));
	child.stdout?.setEncoding('utf8').on('data', keep);
	child.stderr?.setEncoding('utf8').on('data', keep);
	const stop = async () => {
		await n8n.stopProcess(child, 10_000);
		fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
	};
	try {
		const deadline = Date.now() + (options.timeoutMs ?? 30_000);
		for (;;) {
			if (child.exitCode !== null || child.signalCode !== null) throw new Error(`postgres exited (${child.exitCode ?? child.signalCode}):\n${output}`);
			const ready = await n8n.run(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'postgres']);
			if (ready.code === 0) break;
			if (Date.now() > deadline) throw new Error(`postgres not ready on ${port}:\n${output}`);
			await sleep(200);
		}
		const created = await n8n.run(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
		if (created.code !== 0) throw new Error(`createdb failed:\n${created.stderr}`);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		port,
		process: child,
		output: () => output,
		/** n8n's database settings for this server */
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_SCHEMA: 'public',
		},
		stop,
	};
}

/**
 * Environment of every process of a queue-mode cluster (main and workers).
 * @param {{ port: number }} redis
 * @param {string} [prefix]  Bull key prefix (one per cluster)
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
 * @param {import('./n8n').N8nInstance} app
 * @param {number} [timeoutMs]
 */
async function waitForMainReady(app, timeoutMs = 120_000) {
	const server = app.server;
	if (!server) throw new Error('n8n is not started');
	await waitFor200(`${server.url}/healthz/readiness`, server.process, server.output, timeoutMs, 'n8n main');
}

/**
 * Starts one `n8n worker` on the instance's user folder with its own health and broker ports;
 * resolves when its `/healthz/readiness` answers 200 (it is then taking jobs).
 * @param {import('./n8n').N8nInstance} app
 * @param {{ port: number }} redis
 * @param {{ name?: string, concurrency?: number, prefix?: string, env?: Record<string, string | undefined>, timeoutMs?: number }} [options]
 */
async function startWorker(app, redis, options = {}) {
	const name = options.name ?? 'worker';
	const healthPort = await n8n.freePort();
	const brokerPort = await n8n.freePort();
	const env = app.env({
		...queueEnv(redis, options.prefix),
		QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		...options.env,
	});
	const args = [app.installation.n8nBin, 'worker', `--concurrency=${options.concurrency ?? 10}`];
	const child = n8n.spawnTracked(app.installation.nodeBin, args, { cwd: app.userFolder, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const keep = (/** @type {string} */ chunk) => (output = (output + chunk).slice(-2_000_000));
	child.stdout?.setEncoding('utf8').on('data', keep);
	child.stderr?.setEncoding('utf8').on('data', keep);
	const worker = {
		name,
		healthPort,
		brokerPort,
		process: child,
		output: () => output,
		stop: () => n8n.stopProcess(child, 10_000),
	};
	try {
		await waitFor200(`http://127.0.0.1:${healthPort}/healthz/readiness`, child, () => output, options.timeoutMs ?? 120_000, name);
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
 * @param {import('./n8n').N8nInstance} app  from n8n.createInstance (not started)
 * @param {{ port: number }} redis
 * @param {{ workers?: number, concurrency?: number, prefix?: string, env?: Record<string, string | undefined> }} [options]
 */
async function startCluster(app, redis, options = {}) {
	const prefix = options.prefix ?? `gen${Date.now().toString(36)}`;
	/** @type {Awaited<ReturnType<typeof startWorker>>[]} */
	const workers = [];
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

/** @param {string} name */
function findOnPath(name) {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/sbin', '/usr/local/bin'])) {
		const file = path.join(dir, name);
		try {
			fs.accessSync(file, fs.constants.X_OK);
			return file;
		} catch {
			// next
		}
	}
	return undefined;
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = {
	startRedis,
	startPostgres,
	queueEnv,
	startWorker,
	startCluster,
	waitForMainReady,
	executionsByWorker,
};
