// @ts-check
'use strict';

/**
 * Small helpers shared by the e2e test files (test/e2e/*.test.ts). Types: ./suite.d.ts.
 */

const path = require('node:path');
const { LINES, repoRoot } = require('./n8n');

/**
 * The n8n lines to test: N8N_E2E_LINES="2,1" (default both, newest first), e.g. N8N_E2E_LINES=1.
 * @returns {Array<{ line: '1' | '2', version: string, node: number }>}
 */
function linesToTest() {
	const wanted = (process.env.N8N_E2E_LINES ?? '2,1')
		.split(',')
		.map((line) => line.trim())
		.filter(Boolean);
	return wanted.map((line) => {
		const info = LINES[/** @type {1 | 2} */ (Number(line))];
		if (!info) throw new Error(`N8N_E2E_LINES: unknown n8n line "${line}" (use 2 and/or 1)`);
		return info;
	});
}

/** Folder of the e2e workflow fixtures, and of the shipped examples. */
const workflowsDir = path.join(repoRoot, 'test/e2e/workflows');
const examplesDir = path.join(repoRoot, 'examples');

/**
 * What the GEN sandbox received, in a shape tests compare against.
 * @param {Array<{ method: string, path: string, query: object, headers: Record<string, unknown>, body: unknown }>} requests
 */
function received(requests) {
	return requests.map(({ method, path: urlPath, query, headers, body }) => ({
		method,
		path: urlPath,
		query,
		apiKey: headers['x-api-key'],
		authorization: headers.authorization,
		body,
	}));
}

/** Polls `check` every `intervalMs` until it returns a truthy value or `timeoutMs` passes. */
async function waitFor(check, { timeoutMs = 30_000, intervalMs = 250, what = 'condition' } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** Today's date in UTC as yyyy-MM-dd (n8n runs with GENERIC_TIMEZONE=UTC here). */
function todayUtc(date = new Date()) {
	return date.toISOString().slice(0, 10);
}

module.exports = { linesToTest, workflowsDir, examplesDir, received, waitFor, todayUtc };
