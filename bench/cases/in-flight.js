// @ts-check
'use strict';

// Requests in flight: 1,000 renames and single renames against a GEN that answers in 200 ms.

const { CONCURRENCY, RENAME_COUNT, log, fmtMs } = require('../lib/common');

/** @param {import('../lib/setup').Stage} stage */
async function inFlightCases({ sandbox, wfs, runN8n, checkRenames, renameItems }) {
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

	return { concurrency, single };
}

module.exports = { inFlightCases };
