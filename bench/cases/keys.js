// @ts-check
'use strict';

// Rename and revoke 1,000 keys, list 5,000: the n8n ways and the fetch floors, interleaved run by run.

const { REPS, WARMUP, LIST_REPS, RENAME_COUNT, LIST_COUNT, FIRST_BULK_ID, log, fmtMs, series, keepRun, n8nWays } = require('../lib/common');

/** @param {import('../lib/setup').Stage} stage */
async function keyCases({ sandbox, wfs, floor, runN8n, checkRenames, checkRevokes, checkList, renameItems }) {
	// ---- rename 1,000 keys: three n8n ways and two floors, interleaved round by round
	/** @type {Record<string, ReturnType<typeof series>>} */
	const rename = { gen: series(), genAuto: series(), http: series(), floorConcurrent: series(), floorSequential: series() };
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

	return { rename, revoke, list };
}

module.exports = { keyCases };
