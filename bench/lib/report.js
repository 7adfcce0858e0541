// @ts-check
'use strict';

// The markdown report of `npm run bench` (bench/run.js), from what its cases measured.

const os = require('node:os');

const { renderTable } = require('../evaluations');
const { REPS, WARMUP, LIST_REPS, CONCURRENCY, THROUGHPUT, started, stats, fmtMs, fmtSpread, fmtIqr, ratio, fmtBytes } = require('./common');
const { postgresVersion, redisVersion } = require('./facts');

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

module.exports = { renderReport };
