// @ts-check
'use strict';

// What every part of `npm run bench` (bench/run.js) shares: its settings, log, statistics and formatting.

const path = require('node:path');

const repoRoot = path.resolve(__dirname, '../..');
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

/** @returns {{ ms: number[], executionMs: number[], evaluationsPerItem: number[] }} */
const series = () => ({ ms: [], executionMs: [], evaluationsPerItem: [] });
/** @param {ReturnType<typeof series>} into @param {{ ms: number, executionMs?: number, evaluationsPerItem?: number }} r */
const keepRun = (into, r) => {
	into.ms.push(r.ms);
	if (r.executionMs !== undefined) into.executionMs.push(r.executionMs);
	if (r.evaluationsPerItem !== undefined) into.evaluationsPerItem.push(r.evaluationsPerItem);
};
const n8nWays = /** @type {const} */ (['gen', 'genAuto', 'http']);

module.exports = { repoRoot, REPS, WARMUP, OUT, LIST_REPS, RENAME_COUNT, LIST_COUNT, EXTRA_KEYS, FIRST_BULK_ID, LOAD_RUNS, CONCURRENCY, THROUGHPUT, started, log, stats, fmtMs, fmtSpread, fmtIqr, ratio, fmtBytes, series, keepRun, n8nWays };
