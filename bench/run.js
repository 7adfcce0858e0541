#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * `npm run bench`: the GEN node against n8n's HTTP Request node (+ Header Auth credential, what
 * GEN's n8n guide tells users to do) and against plain `fetch`, in the real n8n 2.x app, against
 * the GEN sandbox on 127.0.0.1 with no added latency: rename and revoke 1,000 keys (GEN with
 * Define Below expressions and with Auto-Map Input Data), list 5,000; expression evaluations per
 * item of each way (counted in the app, and through n8n-core by bench/evaluations.js); requests in
 * flight with 200 ms of sandbox latency (Options > Max Requests at Once); package size and load
 * time; n8n queue-mode throughput with 1 and 2 workers. Prints a markdown report and writes
 * bench/results.md. Never asserts on time; it fails only when a run does not do its work.
 *
 * Environment: BENCH_REPS (measured runs per case, default 5), BENCH_LIST_REPS (list runs, default
 * max(BENCH_REPS, 15)), BENCH_WARMUP (default 1),
 * BENCH_OUT (report file, default bench/results.md), BENCH_QUEUE=0 skips the queue part,
 * BENCH_CONCURRENCY=0 skips the 200 ms latency part.
 *
 * The number per run is the measured node's own `executionTime` from n8n's run data
 * (resultData.runData.Measured[0].executionTime, read back through n8n's REST API), not a
 * process start-up or an HTTP round trip. One `n8n start` serves all runs; each run is one call
 * of a published production webhook (responseMode lastNode), so n8n is warm, as in production.
 */

const { fork, execFile, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('../scripts/e2e/lib/n8n');
const queue = require('../scripts/e2e/lib/queue');
const { callWebhook, listExecutions, readExecution, nodeRun } = require('../scripts/e2e/lib/executions');
const { startSandbox } = require('../test/sandbox/server');
const { credentials, workflows } = require('./workflows');
const { renderTable } = require('./evaluations');

const repoRoot = path.resolve(__dirname, '..');
const REPS = intEnv('BENCH_REPS', 5);
const WARMUP = intEnv('BENCH_WARMUP', 1);
const OUT = path.resolve(repoRoot, process.env.BENCH_OUT ?? 'bench/results.md');
/** list runs are short (~0.1 s) and noisy on a busy machine: more of them, same interleaving */
const LIST_REPS = intEnv('BENCH_LIST_REPS', Math.max(REPS, 15));
const RENAME_COUNT = 1000;
const LIST_COUNT = 5000;
/** the sandbox seeds 6 keys; extra keys make the list exactly LIST_COUNT long (ids 1001..) */
const EXTRA_KEYS = LIST_COUNT - 6;
const FIRST_BULK_ID = 1001;
const LOAD_RUNS = 7;
/** the concurrency part: sandbox latency, runs per way over 1,000 items, runs per way of a single item */
const CONCURRENCY = { latencyMs: 200, runs: 1, singleRuns: 5 };
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
// evaluations per item through n8n-core (bench/evaluations.js in a child process on this Node)
// ---------------------------------------------------------------------------------------------

/** @returns {Promise<{ items: number, operations: any[], bench: Record<string, number | string> }>} */
function harnessEvaluations() {
	return new Promise((resolve, reject) => {
		execFile(process.execPath, [path.join(__dirname, 'evaluations.js'), '--json'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
			if (error) return reject(new Error(`bench/evaluations.js: ${error.message}\n${stderr}`));
			const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
			const failed = Object.entries(result.bench).filter(([, v]) => typeof v !== 'number');
			if (failed.length) return reject(new Error(`bench/evaluations.js: ${JSON.stringify(failed)}`));
			resolve(result);
		});
	});
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

	log('evaluations per item through n8n-core (bench/evaluations.js, Node 20 child process)');
	const evaluations = await harnessEvaluations();

	const sandbox = await startSandbox({ latencyMs: 0, extraKeys: EXTRA_KEYS });
	cleanups.push(() => sandbox.close());
	if (sandbox.state.keys.length !== LIST_COUNT) throw new Error(`sandbox has ${sandbox.state.keys.length} keys`);

	log('n8n: install (cached), user folder, package install, import');
	const app = await n8n.createInstance({ line: '2', label: 'bench', tarball: pkg.tarball });
	cleanups.push(() => app.dispose());
	const wfs = workflows(app.nodeType, sandbox.baseUrl);
	await app.importCredentials(credentials(sandbox));
	await app.importWorkflows(Object.values(wfs));

	log('n8n: start (with bench/count-hook.js counting expression evaluations), owner, publish workflows');
	const countPort = await n8n.freePort();
	await app.start({ env: { NODE_OPTIONS: `--require ${path.join(__dirname, 'count-hook.js')}`, BENCH_COUNT_PORT: String(countPort) } });
	await queue.waitForMainReady(app);
	await app.setupOwner();
	for (const wf of Object.values(wfs)) await app.activateWorkflow(wf.id);
	const floor = await startFloor(app.installation.nodeBin);
	cleanups.push(() => floor.stop());
	/** @returns {Promise<Record<string, number>>} evaluations so far, by node name */
	const evaluationCounts = async () => /** @type {any} */ (await (await fetch(`http://127.0.0.1:${countPort}/`)).json());

	/** @type {Set<string>} */
	const seen = new Set();

	/**
	 * One production run of a bench workflow through its webhook: the measured node's own time, and
	 * the expression evaluations the app made for it per input item.
	 * @param {{ id: string, nodes: any[] }} wf @param {unknown} body @param {number} expectItems @param {number} inputItems
	 */
	async function runN8n(wf, body, expectItems, inputItems = expectItems) {
		const hookPath = wf.nodes[0].parameters.path;
		const before = (await evaluationCounts()).Measured ?? 0;
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
		const evaluations = ((await evaluationCounts()).Measured ?? 0) - before;
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
			evaluationsPerItem: evaluations / inputItems,
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
	/**
	 * The sandbox must have seen exactly one authenticated revoke per item, and every key be revoked.
	 * @param {{ id: number }[]} items @param {string} way
	 */
	function checkRevokes(items, way) {
		const deletes = sandbox.requests.filter((r) => r.method === 'DELETE' && /^\/v1\/persisted_tokens\/\d+\/revoke$/.test(r.path));
		if (deletes.length !== items.length || sandbox.requests.length !== items.length) {
			throw new Error(`${way}: sandbox saw ${sandbox.requests.length} requests (${deletes.length} revokes), expected ${items.length}`);
		}
		if (deletes.some((r) => r.headers['x-api-key'] !== sandbox.apiKey)) throw new Error(`${way}: request without the API key`);
		const revoked = new Set(sandbox.state.keys.filter((k) => k.revoked_at).map((k) => k.id));
		if (revoked.size !== seedRevoked + items.length || items.some((item) => !revoked.has(item.id))) {
			throw new Error(`${way}: ${revoked.size - seedRevoked} keys revoked, expected exactly the ${items.length} sent`);
		}
		sandbox.clearRequests();
	}
	/** keys the seed holds revoked already */
	const seedRevoked = sandbox.state.keys.filter((k) => k.revoked_at).length;
	/** @param {string} way */
	function checkList(way) {
		const gets = sandbox.requests.filter((r) => r.method === 'GET' && r.path === '/v1/persisted_tokens');
		if (gets.length !== 1 || sandbox.requests.length !== 1 || gets[0].headers['x-api-key'] !== sandbox.apiKey) {
			throw new Error(`${way}: sandbox saw ${sandbox.requests.length} requests`);
		}
		sandbox.clearRequests();
	}

	/** @returns {{ ms: number[], executionMs: number[], evaluationsPerItem: number[] }} */
	const series = () => ({ ms: [], executionMs: [], evaluationsPerItem: [] });
	/** @param {ReturnType<typeof series>} into @param {{ ms: number, executionMs?: number, evaluationsPerItem?: number }} r */
	const keepRun = (into, r) => {
		into.ms.push(r.ms);
		if (r.executionMs !== undefined) into.executionMs.push(r.executionMs);
		if (r.evaluationsPerItem !== undefined) into.evaluationsPerItem.push(r.evaluationsPerItem);
	};
	const n8nWays = /** @type {const} */ (['gen', 'genAuto', 'http']);

	// ---- rename 1,000 keys: three n8n ways and two floors, interleaved round by round
	/** @type {Record<string, ReturnType<typeof series>>} */
	const rename = { gen: series(), genAuto: series(), http: series(), floorConcurrent: series(), floorSequential: series() };
	let round = 0;
	/** @param {string} way @param {number} [count] */
	const renameItems = (way, count = RENAME_COUNT) => {
		round++;
		return Array.from({ length: count }, (_, i) => ({ id: FIRST_BULK_ID + i, name: `bench-${round}-${way}-${i + 1}` }));
	};
	const renameWf = { gen: wfs.renameGen, genAuto: wfs.renameGenAuto, http: wfs.renameHttp };
	sandbox.clearRequests();
	for (let rep = 0; rep < WARMUP + REPS; rep++) {
		const keep = rep >= WARMUP;
		log(`rename 1,000: ${keep ? `run ${rep - WARMUP + 1}/${REPS}` : `warm-up ${rep + 1}/${WARMUP}`}`);
		for (const way of n8nWays) {
			const items = renameItems(way);
			const r = await runN8n(renameWf[way], { items }, RENAME_COUNT);
			checkRenames(items, way);
			log(`  ${way}: node ${fmtMs(r.ms)} ms, execution ${fmtMs(r.executionMs)} ms, ${r.evaluationsPerItem} evaluations per item`);
			if (keep) keepRun(rename[way], r);
		}
		for (const [way, kind] of [['floorConcurrent', 'rename-concurrent'], ['floorSequential', 'rename-sequential']]) {
			const items = renameItems(way);
			const r = await floor.run({ kind, baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, items });
			if (r.ok !== RENAME_COUNT) throw new Error(`${way}: ${r.ok} ok`);
			checkRenames(items, way);
			log(`  ${way}: ${fmtMs(r.ms)} ms`);
			if (keep) keepRun(rename[way], r);
		}
	}

	// ---- revoke 1,000 keys: the sandbox is reset before each run, so every run revokes 1,000 active keys
	/** @type {Record<string, ReturnType<typeof series>>} */
	const revoke = { gen: series(), genAuto: series(), http: series(), floorConcurrent: series() };
	const revokeWf = { gen: wfs.revokeGen, genAuto: wfs.revokeGenAuto, http: wfs.revokeHttp };
	const revokeItems = Array.from({ length: RENAME_COUNT }, (_, i) => ({ id: FIRST_BULK_ID + i }));
	for (let rep = 0; rep < WARMUP + REPS; rep++) {
		const keep = rep >= WARMUP;
		log(`revoke 1,000: ${keep ? `run ${rep - WARMUP + 1}/${REPS}` : `warm-up ${rep + 1}/${WARMUP}`}`);
		for (const way of n8nWays) {
			sandbox.reset();
			const r = await runN8n(revokeWf[way], { items: revokeItems }, RENAME_COUNT);
			checkRevokes(revokeItems, way);
			log(`  ${way}: node ${fmtMs(r.ms)} ms, execution ${fmtMs(r.executionMs)} ms, ${r.evaluationsPerItem} evaluations per item`);
			if (keep) keepRun(revoke[way], r);
		}
		sandbox.reset();
		const r = await floor.run({ kind: 'revoke-concurrent', baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, items: revokeItems });
		if (r.ok !== RENAME_COUNT) throw new Error(`floor revoke: ${r.ok} ok`);
		checkRevokes(revokeItems, 'floorConcurrent');
		if (keep) keepRun(revoke.floorConcurrent, r);
	}
	sandbox.reset();

	// ---- list 5,000 keys, three ways
	/** @type {Record<string, ReturnType<typeof series>>} */
	const list = { gen: series(), http: series(), floor: series() };
	for (let rep = 0; rep < WARMUP + LIST_REPS; rep++) {
		const keep = rep >= WARMUP;
		log(`list 5,000: ${keep ? `run ${rep - WARMUP + 1}/${LIST_REPS}` : `warm-up ${rep + 1}/${WARMUP}`}`);
		for (const way of /** @type {const} */ (['gen', 'http'])) {
			const r = await runN8n(way === 'gen' ? wfs.listGen : wfs.listHttp, {}, LIST_COUNT, 1);
			checkList(way);
			if (keep) keepRun(list[way], r);
		}
		const r = await floor.run({ kind: 'list', baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey });
		if (r.count !== LIST_COUNT) throw new Error(`floor list: ${r.count} keys`);
		checkList('floor');
		if (keep) keepRun(list.floor, r);
	}

	// ---- requests in flight: 1,000 renames and single renames against a GEN that answers in 200 ms
	/** @type {{ label: string, ms: number[], peak: number[] }[]} */
	const concurrency = [];
	/** @type {{ label: string, ms: number[], peak: number[] }[]} */
	const single = [];
	if (process.env.BENCH_CONCURRENCY !== '0') {
		sandbox.setLatency(CONCURRENCY.latencyMs);
		const bulkWays = [
			{ label: 'GEN, Max Requests at Once default (10)', wf: wfs.renameGen },
			{ label: 'GEN, Max Requests at Once 50', wf: wfs.renameGen50 },
			{ label: 'GEN, Max Requests at Once 1,000 (no bound for 1,000 items)', wf: wfs.renameGenUnbounded },
			{ label: 'HTTP Request node 4.5 (no bound; Settings > Batching off, its default)', wf: wfs.renameHttp },
		];
		const singleWays = [
			{ label: 'GEN, Max Requests at Once default (10)', wf: wfs.renameGen },
			{ label: 'GEN, Max Requests at Once 1,000', wf: wfs.renameGenUnbounded },
			{ label: 'HTTP Request node 4.5', wf: wfs.renameHttp },
		];
		for (const w of [...bulkWays]) concurrency.push({ label: w.label, ms: [], peak: [] });
		for (const w of singleWays) single.push({ label: w.label, ms: [], peak: [] });
		/** @param {{ wf: any }} way @param {{ ms: number[], peak: number[] }} into @param {number} count */
		const measure = async (way, into, count) => {
			const items = renameItems('latency', count);
			sandbox.resetPeak();
			const r = await runN8n(way.wf, { items }, count);
			checkRenames(items, way.wf.name);
			into.ms.push(r.ms);
			into.peak.push(sandbox.peakInFlight);
			return r;
		};
		for (let rep = 0; rep < CONCURRENCY.runs; rep++) {
			for (const [i, way] of bulkWays.entries()) {
				log(`${CONCURRENCY.latencyMs} ms latency, 1,000 renames: ${way.label}`);
				await measure(way, concurrency[i], RENAME_COUNT);
				log(`  node ${fmtMs(concurrency[i].ms[rep])} ms, peak ${concurrency[i].peak[rep]} in flight`);
			}
		}
		log(`${CONCURRENCY.latencyMs} ms latency, single renames`);
		for (let rep = 0; rep < CONCURRENCY.singleRuns + 1; rep++) {
			for (const [i, way] of singleWays.entries()) {
				const scratch = { ms: [], peak: [] };
				await measure(way, rep === 0 ? scratch : single[i], 1); // the first round warms up
			}
		}
		sandbox.setLatency(0);
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

	const report = renderReport({ pkg, rename, revoke, list, evaluations, concurrency, single, throughput, queueNote, floorNode: floor.nodeVersion, app, loadAvgAtStart });
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
function renderReport({ pkg, rename, revoke, list, evaluations, concurrency, single, throughput, queueNote, floorNode, app, loadAvgAtStart }) {
	const cpus = os.cpus();
	const s = (/** @type {number[]} */ v) => stats(v);
	const exec = (/** @type {number[]} */ v) => (v.length ? fmtMs(s(v).median) : '—');
	/** evaluations per item counted in the app (the same in every run; else min–max) @param {number[]} v */
	const evals = (v) => {
		if (!v.length) return '—';
		const lo = Math.min(...v);
		const hi = Math.max(...v);
		const f = (/** @type {number} */ x) => String(Number(x.toFixed(2)));
		return lo === hi ? f(lo) : `${f(lo)}–${f(hi)}`;
	};
	/** @param {string} label @param {string} way @param {any} series @param {boolean} [bold] */
	const row = (label, way, series, bold = true) => {
		const st = s(series.ms);
		const median = bold ? `**${fmtMs(st.median)}**` : fmtMs(st.median);
		return `| ${label} | ${way} | ${evals(series.evaluationsPerItem)} | ${median} | ${fmtSpread(st)} | ${fmtIqr(st)} | ${exec(series.executionMs)} |`;
	};
	const med = (/** @type {any} */ series) => s(series.ms).median;
	/** @param {number} value @param {number} goal */
	const versus = (value, goal) => `**${value.toFixed(2)}×** (${value <= goal ? 'meets' : 'misses'} ≤ ${goal.toFixed(1)}×)`;
	const lines = [
		'## Benchmark',
		'',
		`n8n ${app.version} (\`n8n start\`, SQLite, regular mode, default expression engine) on Node ${floorNode}; GEN sandbox on 127.0.0.1 with no added latency (except the concurrency part), in the bench process (Node ${process.versions.node}).`,
		`Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}; load average (1/5/15 min) at start ${loadAvgAtStart.map((/** @type {number} */ x) => x.toFixed(2)).join(' ')}, at end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}. Whole bench: ${((Date.now() - started) / 60000).toFixed(1)} min.`,
		`Date: ${new Date().toISOString().slice(0, 10)}. ${REPS} measured runs per case (list: ${LIST_REPS}) after ${WARMUP} warm-up run(s), the ways interleaved run by run.`,
		'',
		'Time = the node\'s own `executionTime` in n8n\'s run data (floor: wall time of the same requests with `fetch`, no n8n), in ms. Evaluations = expression evaluations per input item the app made for the measured node in those runs (`bench/count-hook.js`, counted as `test/support/evaluations.ts` counts them).',
		'',
		'| Case | Way | evaluations / item | median | min–max | IQR | whole execution (median) |',
		'|---|---|---:|---:|---:|---:|---:|',
		row('Rename 1,000 keys (1,000 items → 1,000 PATCH)', 'GEN node, Define Below (`={{ $json.id }}`, `={{ $json.name }}`)', rename.gen),
		row('', 'GEN node, Mapping: Auto-Map Input Data', rename.genAuto),
		row('', 'HTTP Request node 4.5 + Header Auth', rename.http),
		row('', 'floor: `fetch`, all at once (Promise.allSettled, as both nodes do)', rename.floorConcurrent, false),
		row('', 'floor: `fetch`, one after the other', rename.floorSequential, false),
		row('Revoke 1,000 keys (1,000 items → 1,000 DELETE …/revoke)', 'GEN node, Define Below (`={{ $json.id }}`)', revoke.gen),
		row('', 'GEN node, Mapping: Auto-Map Input Data', revoke.genAuto),
		row('', 'HTTP Request node 4.5 + Header Auth', revoke.http),
		row('', 'floor: `fetch`, all at once', revoke.floorConcurrent, false),
		row('List 5,000 keys (1 GET → 5,000 items)', 'GEN node (Return All)', list.gen),
		row('', 'HTTP Request node 4.5 + Header Auth', list.http),
		row('', 'floor: `fetch` + JSON parse', list.floor, false),
		'',
		'| Ratio of medians | Rename 1,000 | Revoke 1,000 | List 5,000 |',
		'|---|---:|---:|---:|',
		`| GEN Define Below ÷ HTTP Request (goal ≤ 1.2×; List ≤ 1.1×) | ${versus(med(rename.gen) / med(rename.http), 1.2)} | ${versus(med(revoke.gen) / med(revoke.http), 1.2)} | ${versus(med(list.gen) / med(list.http), 1.1)} |`,
		`| GEN Auto-Map Input Data ÷ HTTP Request (goal ≤ 1.0×) | ${versus(med(rename.genAuto) / med(rename.http), 1.0)} | ${versus(med(revoke.genAuto) / med(revoke.http), 1.0)} | — |`,
		`| GEN Define Below ÷ floor (all at once) | ${ratio(med(rename.gen), med(rename.floorConcurrent))} | ${ratio(med(revoke.gen), med(revoke.floorConcurrent))} | ${ratio(med(list.gen), med(list.floor))} |`,
		`| HTTP Request ÷ floor (all at once) | ${ratio(med(rename.http), med(rename.floorConcurrent))} | ${ratio(med(revoke.http), med(revoke.floorConcurrent))} | ${ratio(med(list.http), med(list.floor))} |`,
		'',
		renderTable(evaluations),
		'',
		`The same counting for the GEN ways above, through n8n-core in a Node ${process.versions.node} child process: ${Object.entries(evaluations.bench).map(([way, n]) => `${way} ${n}`).join(', ')}.`,
		'',
	];
	if (concurrency.length) {
		lines.push(
			`Requests in flight: the sandbox answers every API request after ${CONCURRENCY.latencyMs} ms; peak = most requests the sandbox was handling at once during the run. ${CONCURRENCY.runs} run(s) per way over 1,000 items, ${CONCURRENCY.singleRuns} interleaved runs per way of a single item (after one warm-up round).`,
			'',
			'| 1,000 renames, 200 ms latency | peak requests in flight | node time (ms, median) |',
			'|---|---:|---:|',
			...concurrency.map((/** @type {{ label: string, ms: number[], peak: number[] }} */ c) => `| ${c.label} | ${Math.max(...c.peak)} | ${fmtMs(s(c.ms).median)} |`),
			'',
			'| 1 rename, 200 ms latency | node time (ms, median) | min–max |',
			'|---|---:|---:|',
			...single.map((/** @type {{ label: string, ms: number[] }} */ c) => `| ${c.label} | ${fmtMs(s(c.ms).median)} | ${fmtSpread(s(c.ms))} |`),
			'',
		);
	}
	lines.push(
		'| Package | |',
		'|---|---|',
		`| Packed tarball (\`npm pack\`) | ${fmtBytes(pkg.tarballBytes)} |`,
		`| Unpacked | ${fmtBytes(pkg.unpackedBytes)}, ${pkg.files} files |`,
		`| Runtime dependencies | ${pkg.runtimeDependencies} (bundled: ${pkg.bundledDependencies}) |`,
		`| Load with n8n-core's \`PackageDirectoryLoader\` (cold process, Node ${process.versions.node}, ${pkg.load.n} runs) | median ${fmtMs(pkg.load.median)} ms (${fmtSpread(pkg.load)}) for ${pkg.loaded.nodes} node + ${pkg.loaded.credentials} credentials |`,
		`| (for scale: \`require('n8n-core')\` in the same processes) | median ${fmtMs(pkg.requireCore.median)} ms (${fmtSpread(pkg.requireCore)}) |`,
		'',
	);
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
