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

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('../scripts/e2e/lib/n8n');
const { REPS, WARMUP, OUT, repoRoot, log } = require('./lib/common');
const { packageFacts, harnessEvaluations } = require('./lib/facts');
const { setUp } = require('./lib/setup');
const { renderReport } = require('./lib/report');
const { keyCases } = require('./cases/keys');
const { inFlightCases } = require('./cases/in-flight');
const { throughputCases } = require('./cases/throughput');

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

	const stage = await setUp(cleanups, pkg);
	const { rename, revoke, list } = await keyCases(stage);
	const { concurrency, single } = await inFlightCases(stage);
	const { throughput, queueNote } = await throughputCases(stage, cleanups, pkg);

	const report = renderReport({ pkg, rename, revoke, list, evaluations, concurrency, single, throughput, queueNote, floorNode: stage.floor.nodeVersion, app: stage.app, loadAvgAtStart });
	fs.mkdirSync(path.dirname(OUT), { recursive: true });
	fs.writeFileSync(OUT, report);
	process.stdout.write(report);
	log(`done; report written to ${path.relative(repoRoot, OUT)}`);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
