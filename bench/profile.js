#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Where the time goes: CPU profiles of the real n8n 2.x process while it runs "rename 1,000 keys"
 * (or "list 5,000 keys") with the GEN node and with the HTTP Request node (same workflows as
 * `npm run bench`). n8n runs
 * with `--inspect` on 127.0.0.1; the V8 profiler is switched on (Chrome DevTools protocol) only
 * around the measured runs, so start-up and warm-up are not in the profile.
 *
 *   node bench/profile.js [runs=3] [rename|list]     (after `npm run build`; `npm run bench:profile`)
 *
 * Writes .tmp/bench-profiles/{gen,http}-{rename,list}.cpuprofile (open them in Chrome DevTools →
 * Performance, or speedscope) and prints a summary: total CPU per way, the heaviest functions by
 * self time, and the time spent inside the RoutingNode steps (inclusive, per sample).
 */

const fs = require('node:fs');
const path = require('node:path');

const n8n = require('../scripts/e2e/lib/n8n');
const queue = require('../scripts/e2e/lib/queue');
const { callWebhook, listExecutions, readExecution, nodeRun } = require('../scripts/e2e/lib/executions');
const { startSandbox } = require('../test/sandbox/server');
const { credentials, workflows } = require('./workflows');

const repoRoot = path.resolve(__dirname, '..');
const RUNS = Number(process.argv[2]) > 0 ? Number(process.argv[2]) : 3;
const OUT_DIR = path.join(repoRoot, '.tmp/bench-profiles');
const COUNT = 1000;
const CASE = process.argv[3] === 'list' ? 'list' : 'rename';
const LIST_COUNT = 5000;

/**
 * Minimal Chrome DevTools protocol client over the inspector WebSocket.
 * @param {string} url
 * @param {any} wsModule  the `ws` package when this Node has no global WebSocket
 */
async function inspector(url, wsModule) {
	/** @type {any} */
	const Ws = /** @type {any} */ (globalThis).WebSocket ?? wsModule;
	const socket = new Ws(url);
	await new Promise((resolve, reject) => {
		socket.onopen = resolve;
		socket.onerror = reject;
	});
	let nextId = 1;
	/** @type {Map<number, { resolve: (v: any) => void, reject: (e: Error) => void }>} */
	const pending = new Map();
	socket.onmessage = (/** @type {{ data: any }} */ event) => {
		const msg = JSON.parse(String(event.data));
		const waiting = msg.id !== undefined ? pending.get(msg.id) : undefined;
		if (!waiting) return;
		pending.delete(msg.id);
		if (msg.error) waiting.reject(new Error(JSON.stringify(msg.error)));
		else waiting.resolve(msg.result);
	};
	return {
		/** @param {string} method @param {object} [params] @returns {Promise<any>} */
		send: (method, params = {}) =>
			new Promise((resolve, reject) => {
				const id = nextId++;
				pending.set(id, { resolve, reject });
				socket.send(JSON.stringify({ id, method, params }));
			}),
		close: () => socket.close(),
	};
}

/**
 * Summarises a V8 CPU profile: self time per function, and inclusive time (each sample counted
 * once per function on its stack) for every function.
 * @param {any} profile
 */
function analyse(profile) {
	/** @type {Map<number, any>} */
	const byId = new Map(profile.nodes.map((/** @type {any} */ node) => [node.id, node]));
	/** @type {Map<number, number>} */
	const parent = new Map();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const label = (/** @type {any} */ node) => {
		const { functionName, url, lineNumber } = node.callFrame;
		const file = url ? url.replace(/^file:\/\//, '').replace(/.*node_modules\//, '').replace(repoRoot + '/', '') : '';
		return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
	};
	/** @type {Map<string, number>} */
	const self = new Map();
	/** @type {Map<string, number>} */
	const inclusive = new Map();
	let total = 0;
	let idle = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // ms until the next sample
		const node = byId.get(profile.samples[i]);
		const name = node.callFrame.functionName;
		total += dt;
		if (name === '(idle)' || name === '(program)') {
			idle += name === '(idle)' ? dt : 0;
		}
		self.set(label(node), (self.get(label(node)) ?? 0) + dt);
		/** @type {Set<string>} */
		const onStack = new Set();
		for (let id = node.id; id !== undefined; id = /** @type {number} */ (parent.get(id))) {
			onStack.add(label(byId.get(id)));
		}
		for (const l of onStack) inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
	}
	return { total, idle, busy: total - idle, self, inclusive };
}

/** @param {Map<string, number>} map @param {(label: string) => boolean} keep @param {number} n */
const top = (map, keep, n) => [...map.entries()].filter(([l]) => keep(l)).sort((a, b) => b[1] - a[1]).slice(0, n);

async function main() {
	const sandbox = await startSandbox({ latencyMs: 0, extraKeys: CASE === 'list' ? LIST_COUNT - 6 : COUNT });
	const app = await n8n.createInstance({ line: '2', label: 'profile' });
	try {
		const wfs = workflows(app.nodeType, sandbox.baseUrl);
		await app.importCredentials(credentials(sandbox));
		const pair = CASE === 'list' ? { gen: wfs.listGen, http: wfs.listHttp } : { gen: wfs.renameGen, http: wfs.renameHttp };
		await app.importWorkflows([pair.gen, pair.http]);
		const inspectPort = await n8n.freePort();
		await app.start({ env: { NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}` } });
		await queue.waitForMainReady(app);
		await app.setupOwner();
		await app.activateWorkflow(pair.gen.id);
		await app.activateWorkflow(pair.http.id);
		const targets = /** @type {Array<{ webSocketDebuggerUrl: string }>} */ (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json());
		const wsModule = /** @type {any} */ (globalThis).WebSocket ? undefined : require(require.resolve('ws', { paths: [path.join(app.installation.dir, 'node_modules/n8n')] }));
		const cdp = await inspector(targets[0].webSocketDebuggerUrl, wsModule);
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
		fs.mkdirSync(OUT_DIR, { recursive: true });

		let round = 0;
		/** @param {any} wf */
		const runOnce = async (wf) => {
			round++;
			const items = Array.from({ length: COUNT }, (_, i) => ({ id: 1001 + i, name: `profile-${round}-${i}` }));
			const r = await callWebhook(app, wf.nodes[0].parameters.path, CASE === 'list' ? {} : { items }, { waitForRegistrationMs: 60_000 });
			if (r.status !== 200) throw new Error(`webhook ${r.status}`);
			await new Promise((resolve) => setTimeout(resolve, 300));
			const [execution] = await listExecutions(app, wf.id, 1);
			const run = nodeRun((await readExecution(app, String(execution.id))).data, 'Measured');
			return /** @type {number} */ (run.executionTime);
		};

		/** @type {string[]} */
		const report = [];
		/** @type {Record<string, { a: ReturnType<typeof analyse>, times: number[] }>} */
		const summaries = {};
		for (const [way, wf] of /** @type {const} */ ([['gen', pair.gen], ['http', pair.http]])) {
			for (let i = 0; i < 2; i++) await runOnce(wf); // warm-up, not profiled
			await cdp.send('Profiler.start');
			/** @type {number[]} */
			const times = [];
			for (let i = 0; i < RUNS; i++) times.push(await runOnce(wf));
			const { profile } = await cdp.send('Profiler.stop');
			const file = path.join(OUT_DIR, `${way}-${CASE}.cpuprofile`);
			fs.writeFileSync(file, JSON.stringify(profile));
			const a = analyse(profile);
			summaries[way] = { a, times };
			report.push(
				`### ${way === 'gen' ? 'GEN node' : 'HTTP Request node'}: ${CASE === 'list' ? 'list 5,000 keys' : 'rename 1,000 keys'} × ${RUNS}`,
				'',
				`node executionTime per run: ${times.map((t) => `${t} ms`).join(', ')}; profile window ${a.total.toFixed(0)} ms, CPU busy ${a.busy.toFixed(0)} ms (${path.relative(repoRoot, file)})`,
				'',
				'Heaviest functions by self time (ms over all runs):',
				'',
				...top(a.self, (l) => !/^\((idle|program|garbage collector)\)/.test(l), 18).map(([l, ms]) => `- ${ms.toFixed(0)} ${l}`),
				`- ${(a.self.get('(garbage collector)') ?? 0).toFixed(0)} (garbage collector)`,
				'',
			);
		}
		// RoutingNode steps (inclusive), GEN only
		const g = summaries.gen.a;
		const steps = [
			'runNode n8n-core/dist/execution-engine/routing-node.js',
			'resolveBaseUrl n8n-core/dist/execution-engine/routing-node.js',
			'getRequestOptionsFromParameters n8n-core/dist/execution-engine/routing-node.js',
			'getParameterValue n8n-core/dist/execution-engine/routing-node.js',
			'makeRequest n8n-core/dist/execution-engine/routing-node.js',
			'rawRoutingRequest n8n-core/dist/execution-engine/routing-node.js',
			'postProcessResponseData n8n-core/dist/execution-engine/routing-node.js',
			'displayParameter n8n-workflow/dist/',
			'getNodeParameter n8n-core/dist/',
			'getParameterValue n8n-workflow/dist/',
			'resolveSimpleParameterValue n8n-workflow/dist/',
			'getDataProxy n8n-workflow/dist/',
			'WorkflowDataProxy n8n-workflow/dist/',
			'authenticate n8n/dist/credentials-helper.js',
			'httpRequestWithAuthentication n8n-core/dist/',
			'requestWithAuthentication n8n-core/dist/',
			'httpRequest n8n-core/dist/',
			'checkResponse ',
			'requiredText ',
		];
		report.push('### GEN node: time inside (inclusive, ms over all runs; a sample counts once per function)', '');
		for (const step of steps) {
			const [fn, where] = [step.slice(0, step.indexOf(' ')), step.slice(step.indexOf(' ') + 1)];
			const hits = [...g.inclusive.entries()].filter(([l]) => l.startsWith(`${fn} `) && l.includes(where));
			const ms = hits.reduce((s, [, v]) => Math.max(s, v), 0);
			if (hits.length) report.push(`- ${ms.toFixed(0)} ${fn} (${hits.map(([l]) => l.slice(fn.length + 1)).join(', ')})`);
		}
		report.push('');
		cdp.close();
		const text = report.join('\n');
		fs.writeFileSync(path.join(OUT_DIR, `summary-${CASE}.md`), text);
		process.stdout.write(`${text}\n`);
	} finally {
		await app.dispose();
		await sandbox.close();
		await n8n.stopAll();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
