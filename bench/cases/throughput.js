// @ts-check
'use strict';

// Throughput of a webhook workflow: regular mode (SQLite, then PostgreSQL), queue mode with 1 and 2 workers.

const n8n = require('../../scripts/e2e/lib/n8n');
const queue = require('../../scripts/e2e/lib/queue');
const { callWebhook, listExecutions, readExecution } = require('../../scripts/e2e/lib/executions');
const { credentials } = require('../workflows');
const { THROUGHPUT, log, stats } = require('../lib/common');
const { postgresVersion, redisVersion } = require('../lib/facts');

/**
 * @param {import('../lib/setup').Stage} stage
 * @param {(() => Promise<void> | void)[]} cleanups
 * @param {{ tarball: string }} pkg
 */
async function throughputCases({ sandbox, app, wfs }, cleanups, pkg) {
	// ---- throughput: regular mode (this instance), then queue mode with 1 and 2 workers
	/** @type {{ label: string, eps: ReturnType<typeof stats>, byWorker?: Record<string, number> }[]} */
	const throughput = [];
	/** @type {WeakMap<object, Set<string>>} executions already counted, per n8n instance (database) */
	const counted = new WeakMap();
	/**
	 * @param {string} label @param {import('../../scripts/e2e/lib/n8n').N8nInstance} inst
	 * @param {() => Record<string, string[]>} [workersRan]
	 */
	async function measureThroughput(label, inst, workersRan) {
		const before = workersRan ? workersRan() : {};
		if (!counted.has(inst)) counted.set(inst, new Set());
		const done0 = /** @type {Set<string>} */ (counted.get(inst));
		/**
		 * Sends `count` webhook calls (THROUGHPUT.inFlight at a time; each answers as soon as the
		 * execution is accepted) and waits for all of them to finish; executions/s = count / (time
		 * from the first call to the last execution's stoppedAt, n8n's own clock = this machine's).
		 * @param {number} count
		 */
		const burst = async (count) => {
			let next = 0;
			const t0 = Date.now();
			await Promise.all(
				Array.from({ length: Math.min(THROUGHPUT.inFlight, count) }, async () => {
					while (next < count) {
						next++;
						const r = await callWebhook(inst, 'bench-me', {}, { waitForRegistrationMs: 60_000, timeoutMs: 60_000 });
						if (r.status !== 200) throw new Error(`${label}: webhook ${r.status} ${JSON.stringify(r.body)}`);
					}
				}),
			);
			const deadline = Date.now() + 180_000;
			for (;;) {
				const fresh = (await listExecutions(inst, wfs.me.id, 100)).filter((e) => !done0.has(String(e.id)));
				const done = fresh.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
				if (done.length >= count) {
					const failed = done.filter((e) => e.status !== 'success');
					if (failed.length) {
						const detail = await readExecution(inst, String(failed[0].id)).catch((e) => ({ data: { readError: String(e) } }));
						const error = detail.data?.resultData?.error ?? detail.data;
						throw new Error(`${label}: ${failed.length} executions ${failed[0].status}: ${JSON.stringify(error).slice(0, 2000)}`);
					}
					for (const e of done) done0.add(String(e.id));
					return Math.max(...done.map((e) => Date.parse(e.stoppedAt))) - t0;
				}
				if (Date.now() > deadline) throw new Error(`${label}: ${done.length}/${count} executions finished after 180 s`);
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
		};
		sandbox.clearRequests();
		await burst(THROUGHPUT.warmup);
		/** @type {number[]} */
		const eps = [];
		for (let i = 0; i < THROUGHPUT.rounds; i++) {
			const ms = await burst(THROUGHPUT.total);
			eps.push((THROUGHPUT.total / ms) * 1000);
			log(`${label}: ${eps[i].toFixed(1)} executions/s`);
		}
		const expected = THROUGHPUT.warmup + THROUGHPUT.rounds * THROUGHPUT.total;
		const me = sandbox.requests.filter((r) => r.path === '/v1/me').length;
		if (me !== expected) throw new Error(`${label}: sandbox saw ${me} GET /v1/me, expected ${expected}`);
		sandbox.clearRequests();
		/** @type {Record<string, number> | undefined} */
		let byWorker;
		if (workersRan) {
			byWorker = {};
			for (const [name, ids] of Object.entries(workersRan())) byWorker[name] = ids.length - (before[name]?.length ?? 0);
		}
		throughput.push({ label, eps: stats(eps), byWorker });
	}

	log('throughput: regular mode, SQLite');
	await measureThroughput('regular mode, SQLite (one n8n process, the default install)', app);
	await app.stopServer();

	let queueNote = '';
	if (process.env.BENCH_QUEUE === '0') queueNote = 'Queue mode skipped (BENCH_QUEUE=0).';
	else if (!redisVersion()) queueNote = 'Queue mode skipped: redis-server is not installed (run .ci/redis.sh).';
	else if (!postgresVersion()) queueNote = 'Queue mode skipped: PostgreSQL is not installed (run .ci/postgres.sh).';
	if (queueNote) log(queueNote);
	else {
		// Queue mode needs a database several processes can write: a throwaway PostgreSQL (SQLite
		// fails there under load with SQLITE_BUSY). A second instance: own user folder, same package.
		log('PostgreSQL instance: regular mode first, then queue mode with 1 and 2 workers');
		const pg = await queue.startPostgres();
		cleanups.push(() => pg.stop());
		const qapp = await n8n.createInstance({ line: '2', label: 'bench-queue', tarball: pkg.tarball, env: pg.env });
		cleanups.push(() => qapp.dispose());
		await qapp.importCredentials(credentials(sandbox));
		await qapp.importWorkflows([wfs.me]);
		await qapp.start();
		await queue.waitForMainReady(qapp);
		await qapp.setupOwner();
		await qapp.activateWorkflow(wfs.me.id);
		await measureThroughput('regular mode, PostgreSQL (one n8n process)', qapp);
		await qapp.stopServer();
		const redis = await queue.startRedis();
		cleanups.push(() => redis.stop());
		const cluster = await queue.startCluster(qapp, redis, { workers: 1 });
		cleanups.push(() => cluster.stop());
		cleanups.push(() => {
			if (process.env.BENCH_DEBUG) {
				log(`main log:\n${qapp.server?.output().slice(-8000)}`);
				for (const w of cluster.workers) log(`${w.name} log:\n${w.output().slice(-8000)}`);
			}
		});
		await qapp.login();
		const ran = () => queue.executionsByWorker(cluster.workers);
		await measureThroughput('queue mode, PostgreSQL, 1 worker', qapp, ran);
		log('queue mode: second worker');
		await cluster.addWorker();
		await measureThroughput('queue mode, PostgreSQL, 2 workers', qapp, ran);
	}

	return { throughput, queueNote };
}

module.exports = { throughputCases };
