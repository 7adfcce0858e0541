// @ts-check
'use strict';

/**
 * Small helpers shared by the e2e test files (test/e2e/*.test.ts). Types: the JSDoc here.
 */

/** @typedef {import('./install').LineInfo} LineInfo */

/**
 * @typedef {object} Received  one request the GEN sandbox received, as tests compare it
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string | string[]>} query
 * @property {string | undefined} apiKey  the X-API-Key header
 * @property {string | undefined} authorization
 * @property {unknown} body
 */

const path = require('node:path');
const { LINES, repoRoot } = require('./n8n');

/**
 * The n8n lines to test: N8N_E2E_LINES="2,1" (default both, newest first), e.g. N8N_E2E_LINES=1.
 * @returns {LineInfo[]}
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
 * @returns {Received[]}
 */
function received(requests) {
	return requests.map(({ method, path: urlPath, query, headers, body }) => ({
		method,
		path: urlPath,
		query: /** @type {Record<string, string | string[]>} */ (query),
		apiKey: /** @type {string | undefined} */ (headers['x-api-key']),
		authorization: /** @type {string | undefined} */ (headers.authorization),
		body,
	}));
}

/**
 * Polls `check` every `intervalMs` until it returns a truthy value or `timeoutMs` passes.
 * @template T
 * @param {() => T | Promise<T>} check
 * @param {{ timeoutMs?: number, intervalMs?: number, what?: string }} [options]
 * @returns {Promise<NonNullable<T>>}
 */
async function waitFor(check, { timeoutMs = 30_000, intervalMs = 250, what = 'condition' } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/**
 * Today's date in UTC as yyyy-MM-dd (n8n runs with GENERIC_TIMEZONE=UTC here).
 * @param {Date} [date]
 */
function todayUtc(date = new Date()) {
	return date.toISOString().slice(0, 10);
}

module.exports = { linesToTest, workflowsDir, examplesDir, received, waitFor, todayUtc };
