#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * The cells part of `npm run bench` (run after bench/run.js, or alone: `npm run build && node
 * bench/cells.js`): 500 cell updates of one vidsheet from 500 items, in the real n8n 2.x app,
 * against one GEN sandbox — the GEN node (Cell > Update, Define Below, value from an expression:
 * batched through POST /v1/vidsheet/actions) vs the HTTP Request node doing one PATCH per item,
 * as GEN's n8n guide has users do. Requests the sandbox received and the measured node's own
 * `executionTime`, with no added latency and with 200 ms per request. Runs interleaved; prints a
 * markdown table and appends it to BENCH_OUT (default bench/results.md). Fails only when a run
 * does not do its work (every cell must hold its item's value).
 *
 * Environment: BENCH_CELL_REPS (measured runs per way and latency, default 5), BENCH_WARMUP (1).
 */

const fs = require('node:fs');
const path = require('node:path');

const n8n = require('../scripts/e2e/lib/n8n');
const queue = require('../scripts/e2e/lib/queue');
const { callWebhook, listExecutions, readExecution, nodeRun } = require('../scripts/e2e/lib/executions');
const { startSandbox } = require('../test/sandbox/server');
const { credentials, cellWorkflows } = require('./workflows');

const repoRoot = path.resolve(__dirname, '..');
const REPS = Number(process.env.BENCH_CELL_REPS) || 5;
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const OUT = path.resolve(repoRoot, process.env.BENCH_OUT ?? 'bench/results.md');
const CELLS = 500;
const LATENCIES = [0, 200];

const started = Date.now();
/** @param {string} message */
const log = (message) => process.stderr.write(`[bench cells ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

/** @param {number[]} values */
const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Rows through GEN's API until vidsheet 101 has at least CELLS cells; their IDs in sheet order. */
async function fillSheet(/** @type {import('../test/sandbox/server').Sandbox} */ sandbox) {
	const cellsOf = () => sandbox.state.content.engines.find((e) => e.id === 101)?.rows.flatMap((row) => row.cells.map((cell) => cell.id)) ?? [];
	while (cellsOf().length < CELLS) {
		await fetch(`${sandbox.baseUrl}/vidsheet/101/rows?agent_id=agent_1`, { method: 'POST', headers: { 'X-API-Key': sandbox.apiKey, 'Content-Type': 'application/json' }, body: '{}' });
	}
	sandbox.clearRequests();
	return cellsOf().slice(0, CELLS);
}

async function main() {
	/** @type {Array<() => Promise<void> | void>} */
	const cleanups = [];
	try {
		const sandbox = await startSandbox({ latencyMs: 0 });
		cleanups.push(() => sandbox.close());
		const cells = await fillSheet(sandbox);
		const tarball = await n8n.packPackage({ force: true });
		log('n8n: install (cached), import, start');
		const app = await n8n.createInstance({ line: '2', label: 'bench-cells', tarball });
		cleanups.push(() => app.dispose());
		const wfs = cellWorkflows(app.nodeType, sandbox.baseUrl);
		await app.importCredentials(credentials(sandbox));
		await app.importWorkflows(Object.values(wfs));
		await app.start();
		await queue.waitForMainReady(app);
		await app.setupOwner();
		for (const wf of Object.values(wfs)) await app.activateWorkflow(wf.id);

		/** @type {Set<string>} */
		const seen = new Set();
		/** @param {{ id: string, nodes: any[] }} wf @param {unknown} body */
		const runN8n = async (wf, body) => {
			const hookPath = wf.nodes[0].parameters.path;
			const response = await callWebhook(app, hookPath, body, { waitForRegistrationMs: 60_000 });
			if (response.status !== 200) throw new Error(`${hookPath}: ${response.status}`);
			let execution;
			for (let i = 0; ; i++) {
				[execution] = await listExecutions(app, wf.id, 1);
				if (execution && !seen.has(String(execution.id)) && !['new', 'running'].includes(execution.status)) break;
				if (i > 400) throw new Error(`${hookPath}: no finished execution`);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			seen.add(String(execution.id));
			const run = nodeRun((await readExecution(app, String(execution.id))).data, 'Measured');
			const items = run.data?.main?.[0]?.length ?? 0;
			if (run.executionStatus !== 'success' || items !== CELLS) throw new Error(`${hookPath}: ${run.executionStatus}, ${items} items`);
			return /** @type {number} */ (run.executionTime);
		};

		let round = 0;
		/** @type {Record<string, { ms: number[], requests: number[] }>} */
		const results = {};
		for (const latency of LATENCIES) {
			sandbox.setLatency(latency);
			for (let rep = 0; rep < WARMUP + REPS; rep++) {
				for (const way of /** @type {const} */ (['gen', 'genEvaluated', 'http'])) {
					round++;
					const items = cells.map((cell, i) => ({ cell, text: `bench ${round} ${way} ${i + 1}` }));
					sandbox.clearRequests();
					const ms = await runN8n(wfs[way], { items });
					const values = new Map(sandbox.state.content.engines.find((e) => e.id === 101)?.rows.flatMap((row) => row.cells.map((cell) => [cell.id, cell.value])));
					if (items.some((item) => values.get(item.cell) !== item.text)) throw new Error(`${way}: a cell does not hold its item's value`);
					if (sandbox.requests.some((r) => r.headers['x-api-key'] !== sandbox.apiKey)) throw new Error(`${way}: a request without the API key`);
					log(`${latency} ms latency, ${way}${rep < WARMUP ? ' (warm-up)' : ''}: ${ms} ms, ${sandbox.requests.length} requests`);
					if (rep < WARMUP) continue;
					const into = (results[`${way} ${latency}`] ??= { ms: [], requests: [] });
					into.ms.push(ms);
					into.requests.push(sandbox.requests.length);
				}
			}
		}
		const report = renderReport(results);
		process.stdout.write(`${report}\n`);
		fs.appendFileSync(OUT, `\n${report}\n`);
	} finally {
		for (const cleanup of cleanups.reverse()) await cleanup();
	}
}

/** @param {Record<string, { ms: number[], requests: number[] }>} results */
function renderReport(results) {
	const lines = [
		`### 500 cell updates of one vidsheet (500 items), ${REPS} runs per way and latency, interleaved`,
		'',
		'| Latency per request | Way | requests sent | node time (ms, median) | min–max | GEN ÷ HTTP Request |',
		'|---|---|---:|---:|---:|---:|',
	];
	for (const latency of LATENCIES) {
		const gen = results[`gen ${latency}`];
		const evaluated = results[`genEvaluated ${latency}`];
		const http = results[`http ${latency}`];
		const ratio = (/** @type {{ ms: number[] }} */ way) => (median(way.ms) / median(http.ms)).toFixed(2);
		lines.push(`| ${latency} ms | GEN node, Cell > Update, Define Below (\`={{ $json.cell }}\`, \`={{ $json.text }}\`: read from the item) | ${median(gen.requests)} | **${median(gen.ms)}** | ${Math.min(...gen.ms)}–${Math.max(...gen.ms)} | **${ratio(gen)}×** (goal ≤ 0.25×) |`);
		lines.push(`|  | GEN node, the same through \`={{ $json["cell"] }}\`, \`={{ $json["text"] }}\` (evaluated by the node too) | ${median(evaluated.requests)} | ${median(evaluated.ms)} | ${Math.min(...evaluated.ms)}–${Math.max(...evaluated.ms)} | ${ratio(evaluated)}× |`);
		lines.push(`|  | HTTP Request node 4.5 + Header Auth, one PATCH per item | ${median(http.requests)} | **${median(http.ms)}** | ${Math.min(...http.ms)}–${Math.max(...http.ms)} | |`);
	}
	return lines.join('\n');
}

main().catch((error) => {
	process.stderr.write(`${error?.stack ?? error}\n`);
	process.exit(1);
});
