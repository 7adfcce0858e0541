#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * `npm run bench`: the GEN node against n8n's HTTP Request node (+ Header Auth credential, what
 * GEN's n8n guide tells users to do) and against plain `fetch`, in the real n8n 2.x app, against
 * the GEN sandbox on 127.0.0.1 with no added latency; plus package size and load time, and n8n
 * queue-mode throughput with 1 and 2 workers. Prints a markdown report and writes
 * bench/results.md. Never asserts on time; it fails only when a run does not do its work.
 *
 * Environment: BENCH_REPS (measured runs per case, default 7), BENCH_WARMUP (default 2),
 * BENCH_OUT (report file, default bench/results.md), BENCH_QUEUE=0 skips the queue part.
 *
 * The number per run is the measured node's own `executionTime` from n8n's run data
 * (resultData.runData.Measured[0].executionTime, read back through n8n's REST API), not a
 * process start-up or an HTTP round trip. One `n8n start` serves all runs; each run is one call
 * of a published production webhook (responseMode lastNode), so n8n is warm, as in production.
 */

const { fork, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('../scripts/e2e/lib/n8n');
const queue = require('../scripts/e2e/lib/queue');
const { callWebhook, listExecutions, readExecution, nodeRun } = require('../scripts/e2e/lib/executions');
const { startSandbox } = require('../test/sandbox/server');
const { credentials, workflows } = require('./workflows');

const repoRoot = path.resolve(__dirname, '..');
const REPS = intEnv('BENCH_REPS', 7);
const WARMUP = intEnv('BENCH_WARMUP', 2);
const OUT = path.resolve(repoRoot, process.env.BENCH_OUT ?? 'bench/results.md');
const RENAME_COUNT = 1000;
const LIST_COUNT = 5000;
/** the sandbox seeds 6 keys; extra keys make the list exactly LIST_COUNT long (ids 1001..) */
const EXTRA_KEYS = LIST_COUNT - 6;
const FIRST_BULK_ID = 1001;
const LOAD_RUNS = 7;
const THROUGHPUT = { total: 100, inFlight: 20, rounds: 3, warmup: 10 }; // total ≤ 100 (one page of executions)

const started = Date.now();
/** @param {string} message */
const log = (message) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

/** @param {string} name @param {number} fallback */
function intEnv(name, fallback) {
	const value = Number(process.env[name]);
	return Number.isInteger(value) && value > 0 ? value : fallback;
}

// ---------------------------------------------------------------------------------------------
// statistics
// ---------------------------------------------------------------------------------------------

/** @param {number[]} sorted @param {number} q */
function quantile(sorted, q) {
	const pos = (sorted.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** @param {number[]} values */
function stats(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return {
		n: sorted.length,
		median: quantile(sorted, 0.5),
		min: sorted[0],
		max: sorted[sorted.length - 1],
		q1: quantile(sorted, 0.25),
		q3: quantile(sorted, 0.75),
	};
}

/** @param {number} ms */
const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
/** @param {ReturnType<typeof stats>} s */
const fmtSpread = (s) => `${fmtMs(s.min)}–${fmtMs(s.max)}`;
/** @param {ReturnType<typeof stats>} s */
const fmtIqr = (s) => `${fmtMs(s.q1)}–${fmtMs(s.q3)}`;
/** @param {number} a @param {number} b */
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
/** @param {number} bytes */
const fmtBytes = (bytes) => (bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} kB (${bytes} B)` : `${bytes} B`);

// ---------------------------------------------------------------------------------------------
// package: size, dependencies, load time
// ---------------------------------------------------------------------------------------------

async function packageFacts() {
	const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
	const tarball = await n8n.packPackage({ force: true });
	const dry = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
	/** @type {{ requireCoreMs: number, loadMs: number, nodes: number, credentials: number }[]} */
	const loads = [];
	for (let i = 0; i < LOAD_RUNS; i++) {
		const out = execFileSync(process.execPath, [path.join(__dirname, 'load-package.js'), repoRoot], { cwd: repoRoot, encoding: 'utf8' });
		loads.push(JSON.parse(out.trim().split('\n').pop() ?? '{}'));
	}
	return {
		tarball,
		tarballBytes: fs.statSync(tarball).size,
		unpackedBytes: dry.unpackedSize,
		files: dry.entryCount,
		runtimeDependencies: Object.keys(pkg.dependencies ?? {}).length,
		bundledDependencies: (pkg.bundleDependencies ?? pkg.bundledDependencies ?? []).length,
		load: stats(loads.map((l) => l.loadMs)),
		requireCore: stats(loads.map((l) => l.requireCoreMs)),
		loaded: loads[0],
	};
}

// ---------------------------------------------------------------------------------------------
// the floor: plain fetch in a warm child process on n8n's Node
// ---------------------------------------------------------------------------------------------

/** @param {string} nodeBin */
async function startFloor(nodeBin) {
	const child = fork(path.join(__dirname, 'floor.js'), [], { execPath: nodeBin, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	/** @type {Map<number, (msg: any) => void>} */
	const waiting = new Map();
	let nextId = 1;
	/** @type {string} */
	const nodeVersion = await new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('message', (/** @type {any} */ msg) => resolve(msg.node));
	});
	child.on('message', (/** @type {any} */ msg) => {
		const done = waiting.get(msg.id);
		waiting.delete(msg.id);
		done?.(msg);
	});
	return {
		nodeVersion,
		/** @param {object} request @returns {Promise<{ ms: number, ok: number, count: number }>} */
		run: (request) =>
			new Promise((resolve, reject) => {
				const id = nextId++;
				waiting.set(id, (msg) => (msg.error ? reject(new Error(msg.error)) : resolve(msg)));
				child.send({ id, ...request });
			}),
		stop: () => {
			if (child.exitCode === null) child.kill('SIGKILL');
		},
	};
}

// ---------------------------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------------------------

async function main() {
	/** @type {(() => Promise<void> | void)[]} */
	const cleanups = [];
	const cleanup = async () => {
		for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch((e) => log(`cleanup: ${e}`));
		await n8n.stopAll();
	};
	try {
		return await bench(cleanups);
	} finally {
		await cleanup();
	}
}

/** @param {(() => Promise<void> | void)[]} cleanups */
async function bench(cleanups) {
	const loadAvgAtStart = os.loadavg();
	log(`reps ${REPS} (+${WARMUP} warm-up) per case`);

	log('package: pack, size, PackageDirectoryLoader load time');
	const pkg = await packageFacts();

	const sandbox = await startSandbox({ latencyMs: 0, extraKeys: EXTRA_KEYS });
	cleanups.push(() => sandbox.close());
	if (sandbox.state.keys.length !== LIST_COUNT) throw new Error(`sandbox has ${sandbox.state.keys.length} keys`);

	log('n8n: install (cached), user folder, package install, import');
	const app = await n8n.createInstance({ line: '2', label: 'bench', tarball: pkg.tarball });
	cleanups.push(() => app.dispose());
	const wfs = workflows(app.nodeType, sandbox.baseUrl);
	await app.importCredentials(credentials(sandbox));
	await app.importWorkflows(Object.values(wfs));

	log('n8n: start, owner, publish workflows');
	await app.start();
	await queue.waitForMainReady(app);
	await app.setupOwner();
	for (const wf of Object.values(wfs)) await app.activateWorkflow(wf.id);
	const floor = await startFloor(app.installation.nodeBin);
	cleanups.push(() => floor.stop());

	/** @type {Set<string>} */
	const seen = new Set();

	/**
	 * One production run of a bench workflow through its webhook; the measured node's own time.
	 * @param {{ id: string, nodes: any[] }} wf @param {unknown} body @param {number} expectItems
	 */
	async function runN8n(wf, body, expectItems) {
		const hookPath = wf.nodes[0].parameters.path;
		const response = await callWebhook(app, hookPath, body, { waitForRegistrationMs: 60_000 });
		if (response.status !== 200) throw new Error(`${hookPath}: ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
		let execution;
		for (let i = 0; ; i++) {
			[execution] = await listExecutions(app, wf.id, 1);
			if (execution && !seen.has(String(execution.id)) && !['new', 'running'].includes(execution.status)) break;
			if (i > 200) throw new Error(`${hookPath}: no finished execution`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		seen.add(String(execution.id));
		const detail = await readExecution(app, String(execution.id));
		const run = nodeRun(detail.data, 'Measured');
		const items = run.data?.main?.[0]?.length ?? 0;
		if (execution.status !== 'success' || run.executionStatus !== 'success' || items !== expectItems) {
			throw new Error(`${hookPath}: status ${execution.status}/${run.executionStatus}, ${items} items: ${JSON.stringify(run.error ?? detail.data.resultData.error ?? null).slice(0, 1000)}`);
		}
		return {
			ms: /** @type {number} */ (run.executionTime),
			executionMs: Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt),
			roundTripMs: response.ms,
		};
	}

	/**
	 * The sandbox must have seen exactly the expected renames, authenticated.
	 * @param {{ id: number, name: string }[]} items @param {string} way
	 */
	function checkRenames(items, way) {
		const patches = sandbox.requests.filter((r) => r.method === 'PATCH');
		if (patches.length !== items.length || sandbox.requests.length !== items.length) {
			throw new Error(`${way}: sandbox saw ${sandbox.requests.length} requests (${patches.length} PATCH), expected ${items.length}`);
		}
		for (const r of patches) {
			if (r.headers['x-api-key'] !== sandbox.apiKey) throw new Error(`${way}: request without the API key`);
		}
		for (const r of [patches[0], patches[patches.length - 1]]) {
			const body = /** @type {any} */ (r.body);
			if (!body?.persisted_token?.name) throw new Error(`${way}: body ${r.rawBody}`);
		}
		const byId = new Map(sandbox.state.keys.map((k) => [k.id, k.name]));
		for (const item of items) {
			if (byId.get(item.id) !== item.name) throw new Error(`${way}: key ${item.id} is named ${byId.get(item.id)}, expected ${item.name}`);
		}
		sandbox.clearRequests();
	}
	/** @param {string} way */
	function checkList(way) {
		const gets = sandbox.requests.filter((r) => r.method === 'GET' && r.path === '/v1/persisted_tokens');
		if (gets.length !== 1 || sandbox.requests.length !== 1 || gets[0].headers['x-api-key'] !== sandbox.apiKey) {
			throw new Error(`${way}: sandbox saw ${sandbox.requests.length} requests`);
		}
		sandbox.clearRequests();
	}

	// ---- rename 1,000 keys, four ways, interleaved round by round
	/** @type {Record<string, { ms: number[], executionMs: number[] }>} */
	const rename = { gen: { ms: [], executionMs: [] }, http: { ms: [], executionMs: [] }, floorConcurrent: { ms: [], executionMs: [] }, floorSequential: { ms: [], executionMs: [] } };
	let round = 0;
	/** @param {string} way */
	const renameItems = (way) => {
		round++;
		return Array.from({ length: RENAME_COUNT }, (_, i) => ({ id: FIRST_BULK_ID + i, name: `bench-${round}-${way}-${i + 1}` }));
	};
	sandbox.clearRequests();
	for (let rep = 0; rep < WARMUP + REPS; rep++) {
		const keep = rep >= WARMUP;
		log(`rename 1,000: ${keep ? `run ${rep - WARMUP + 1}/${REPS}` : `warm-up ${rep + 1}/${WARMUP}`}`);
		for (const way of ['gen', 'http']) {
			const items = renameItems(way);
			const r = await runN8n(way === 'gen' ? wfs.renameGen : wfs.renameHttp, { items }, RENAME_COUNT);
			checkRenames(items, way);
			log(`  ${way}: node ${fmtMs(r.ms)} ms, execution ${fmtMs(r.executionMs)} ms, webhook round trip ${fmtMs(r.roundTripMs)} ms`);
			if (keep) rename[way].ms.push(r.ms), rename[way].executionMs.push(r.executionMs);
		}
		for (const [way, kind] of [['floorConcurrent', 'rename-concurrent'], ['floorSequential', 'rename-sequential']]) {
			const items = renameItems(way);
			const r = await floor.run({ kind, baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, items });
			if (r.ok !== RENAME_COUNT) throw new Error(`${way}: ${r.ok} ok`);
			checkRenames(items, way);
			log(`  ${way}: ${fmtMs(r.ms)} ms`);
			if (keep) rename[way].ms.push(r.ms);
		}
	}

	// ---- list 5,000 keys, three ways
	/** @type {Record<string, { ms: number[], executionMs: number[] }>} */
	const list = { gen: { ms: [], executionMs: [] }, http: { ms: [], executionMs: [] }, floor: { ms: [], executionMs: [] } };
	for (let rep = 0; rep < WARMUP + REPS; rep++) {
		const keep = rep >= WARMUP;
		log(`list 5,000: ${keep ? `run ${rep - WARMUP + 1}/${REPS}` : `warm-up ${rep + 1}/${WARMUP}`}`);
		for (const way of ['gen', 'http']) {
			const r = await runN8n(way === 'gen' ? wfs.listGen : wfs.listHttp, {}, LIST_COUNT);
			checkList(way);
			if (keep) list[way].ms.push(r.ms), list[way].executionMs.push(r.executionMs);
		}
		const r = await floor.run({ kind: 'list', baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey });
		if (r.count !== LIST_COUNT) throw new Error(`floor list: ${r.count} keys`);
		checkList('floor');
		if (keep) list.floor.ms.push(r.ms);
	}

	// ---- throughput: regular mode (this instance), then queue mode with 1 and 2 workers
	/** @type {{ label: string, eps: ReturnType<typeof stats>, byWorker?: Record<string, number> }[]} */
	const throughput = [];
	/** @type {WeakMap<object, Set<string>>} executions already counted, per n8n instance (database) */
	const counted = new WeakMap();
	/**
	 * @param {string} label @param {import('../scripts/e2e/lib/n8n').N8nInstance} inst
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

	const report = renderReport({ pkg, rename, list, throughput, queueNote, floorNode: floor.nodeVersion, app, loadAvgAtStart });
	fs.mkdirSync(path.dirname(OUT), { recursive: true });
	fs.writeFileSync(OUT, report);
	process.stdout.write(report);
	log(`done; report written to ${path.relative(repoRoot, OUT)}`);
}

function postgresVersion() {
	try {
		const bin = fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))[0];
		return /\d+(\.\d+)*/.exec(execFileSync(`/usr/lib/postgresql/${bin}/bin/postgres`, ['--version'], { encoding: 'utf8' }))?.[0] ?? '';
	} catch {
		return '';
	}
}

function redisVersion() {
	try {
		return /v=(\S+)/.exec(execFileSync('redis-server', ['--version'], { encoding: 'utf8' }))?.[1] ?? '';
	} catch {
		return '';
	}
}

/** @param {any} r */
function renderReport({ pkg, rename, list, throughput, queueNote, floorNode, app, loadAvgAtStart }) {
	const cpus = os.cpus();
	const s = (/** @type {number[]} */ v) => stats(v);
	const rg = s(rename.gen.ms);
	const rh = s(rename.http.ms);
	const rc = s(rename.floorConcurrent.ms);
	const rs = s(rename.floorSequential.ms);
	const lg = s(list.gen.ms);
	const lh = s(list.http.ms);
	const lf = s(list.floor.ms);
	const exec = (/** @type {number[]} */ v) => (v.length ? fmtMs(s(v).median) : '—');
	const lines = [
		'## Benchmark',
		'',
		`n8n ${app.version} (\`n8n start\`, SQLite, regular mode) on Node ${floorNode}; GEN sandbox on 127.0.0.1 with no added latency, in the bench process (Node ${process.versions.node}).`,
		`Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}; load average (1/5/15 min) at start ${loadAvgAtStart.map((/** @type {number} */ x) => x.toFixed(2)).join(' ')}, at end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}. Whole bench: ${((Date.now() - started) / 60000).toFixed(1)} min.`,
		`Date: ${new Date().toISOString().slice(0, 10)}. ${REPS} measured runs per case after ${WARMUP} warm-up runs, the ways interleaved run by run.`,
		'',
		'Time = the node\'s own `executionTime` in n8n\'s run data (floor: wall time of the same requests with `fetch`, no n8n), in ms.',
		'',
		'| Case | Way | median | min–max | IQR | whole execution (median) |',
		'|---|---|---:|---:|---:|---:|',
		`| Rename 1,000 keys (1,000 items → 1,000 PATCH) | GEN node | **${fmtMs(rg.median)}** | ${fmtSpread(rg)} | ${fmtIqr(rg)} | ${exec(rename.gen.executionMs)} |`,
		`| | HTTP Request node 4.5 + Header Auth | **${fmtMs(rh.median)}** | ${fmtSpread(rh)} | ${fmtIqr(rh)} | ${exec(rename.http.executionMs)} |`,
		`| | floor: \`fetch\`, all at once (Promise.allSettled, as both nodes do) | ${fmtMs(rc.median)} | ${fmtSpread(rc)} | ${fmtIqr(rc)} | — |`,
		`| | floor: \`fetch\`, one after the other | ${fmtMs(rs.median)} | ${fmtSpread(rs)} | ${fmtIqr(rs)} | — |`,
		`| List 5,000 keys (1 GET → 5,000 items) | GEN node | **${fmtMs(lg.median)}** | ${fmtSpread(lg)} | ${fmtIqr(lg)} | ${exec(list.gen.executionMs)} |`,
		`| | HTTP Request node 4.5 + Header Auth | **${fmtMs(lh.median)}** | ${fmtSpread(lh)} | ${fmtIqr(lh)} | ${exec(list.http.executionMs)} |`,
		`| | floor: \`fetch\` + JSON parse | ${fmtMs(lf.median)} | ${fmtSpread(lf)} | ${fmtIqr(lf)} | — |`,
		'',
		'| Ratio of medians | Rename 1,000 | List 5,000 |',
		'|---|---:|---:|',
		`| GEN / HTTP Request | **${ratio(rg.median, rh.median)}** | **${ratio(lg.median, lh.median)}** |`,
		`| GEN / floor (all at once) | ${ratio(rg.median, rc.median)} | ${ratio(lg.median, lf.median)} |`,
		`| GEN / floor (one after the other) | ${ratio(rg.median, rs.median)} | — |`,
		`| HTTP Request / floor (all at once) | ${ratio(rh.median, rc.median)} | ${ratio(lh.median, lf.median)} |`,
		'',
		'| Package | |',
		'|---|---|',
		`| Packed tarball (\`npm pack\`) | ${fmtBytes(pkg.tarballBytes)} |`,
		`| Unpacked | ${fmtBytes(pkg.unpackedBytes)}, ${pkg.files} files |`,
		`| Runtime dependencies | ${pkg.runtimeDependencies} (bundled: ${pkg.bundledDependencies}) |`,
		`| Load with n8n-core's \`PackageDirectoryLoader\` (cold process, Node ${process.versions.node}, ${pkg.load.n} runs) | median ${fmtMs(pkg.load.median)} ms (${fmtSpread(pkg.load)}) for ${pkg.loaded.nodes} node + ${pkg.loaded.credentials} credentials |`,
		`| (for scale: \`require('n8n-core')\` in the same processes) | median ${fmtMs(pkg.requireCore.median)} ms (${fmtSpread(pkg.requireCore)}) |`,
		'',
	];
	if (throughput.length) {
		lines.push(
			`Throughput: a published webhook workflow (Webhook → GEN "Get Current User"; the webhook answers on receipt), ${THROUGHPUT.total} calls per round (${THROUGHPUT.inFlight} in flight), timed from the first call to the last execution's end, ${THROUGHPUT.rounds} rounds after ${THROUGHPUT.warmup} warm-up calls. Queue mode = n8n main + \`n8n worker\` processes (concurrency 10 each), one PostgreSQL ${postgresVersion()} database and Redis ${redisVersion()}, all on this machine, with the sandbox and the bench client.`,
			'',
			'| Setup | executions/s (median) | min–max | executions per worker |',
			'|---|---:|---:|---|',
			...throughput.map(
				(/** @type {any} */ t) =>
					`| ${t.label} | **${t.eps.median.toFixed(1)}** | ${t.eps.min.toFixed(1)}–${t.eps.max.toFixed(1)} | ${t.byWorker ? Object.entries(t.byWorker).map(([n, c]) => `${n}: ${c}`).join(', ') : '—'} |`,
			),
			'',
		);
	}
	if (queueNote) lines.push(queueNote, '');
	return `${lines.join('\n')}\n`;
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
