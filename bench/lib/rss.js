// @ts-check
'use strict';

/** Memory of a process while a bench does its work: VmRSS from /proc/<pid>/status, sampled every 10 ms. */

const fs = require('node:fs');

/** VmRSS of a process in bytes (0 once it is gone). @param {number} pid */
function rssOf(pid) {
	try {
		const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return Number(kb ?? 0) * 1024;
	} catch {
		return 0;
	}
}

/**
 * Runs `work` while sampling the pid's RSS. Resolves to the work's time, the peak RSS growth over the
 * RSS before (`growth`) and the same within the measured node's run (`nodeGrowth`, when `work`
 * says when that was: n8n's run data `startTime` and `executionTime`; else the whole run).
 * @param {number} pid @param {() => Promise<{ ms: number, from?: number }>} work
 */
async function withRss(pid, work) {
	const before = rssOf(pid);
	/** @type {Array<[number, number]>} */
	const samples = [];
	const timer = setInterval(() => samples.push([Date.now(), rssOf(pid)]), 10);
	try {
		const { ms, from } = await work();
		samples.push([Date.now(), rssOf(pid)]);
		const peak = (/** @type {Array<[number, number]>} */ list) => Math.max(before, ...list.map(([, rss]) => rss)) - before;
		const inNode = from === undefined ? samples : samples.filter(([t]) => t >= from && t <= from + ms + 20);
		return { ms, growth: peak(samples), nodeGrowth: peak(inNode) };
	} finally {
		clearInterval(timer);
	}
}

module.exports = { withRss };
