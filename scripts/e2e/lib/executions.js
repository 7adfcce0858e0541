// @ts-check
'use strict';

/**
 * Production executions of a started n8n (./n8n.js instance with an owner): call a workflow's
 * webhook, list its executions, read an execution's run data. Used by the queue-mode e2e test
 * and `npm run bench`. Types: the JSDoc here.
 */

/**
 * @typedef {object} WebhookResult
 * @property {number} status
 * @property {any} body  parsed JSON when possible, else text
 * @property {number} ms
 */

/** @type {Map<string, (text: string) => any>} */
const flattedParsers = new Map();

/**
 * n8n keeps execution data in `flatted` format; its own copy of the library parses it.
 * @param {{ installation: { dir: string } }} app
 */
function flattedParse(app) {
	let parse = flattedParsers.get(app.installation.dir);
	if (!parse) {
		const resolved = require.resolve('flatted', { paths: [require('node:path').join(app.installation.dir, 'node_modules/n8n')] });
		parse = /** @type {(text: string) => any} */ (require(resolved).parse);
		flattedParsers.set(app.installation.dir, parse);
	}
	return parse;
}

/**
 * Calls `<server>/webhook/<path>`. A webhook is registered a moment after activation, so a 404
 * "not registered" is retried for `waitForRegistrationMs`.
 * @param {import('./n8n').N8nInstance} app
 * @param {string} webhookPath
 * @param {unknown} [body]
 * @param {{ method?: string, waitForRegistrationMs?: number, timeoutMs?: number }} [options]
 * @returns {Promise<WebhookResult>}
 */
async function callWebhook(app, webhookPath, body = {}, options = {}) {
	if (!app.server) throw new Error('n8n is not started');
	const deadline = Date.now() + (options.waitForRegistrationMs ?? 0);
	for (;;) {
		const started = performance.now();
		const response = await fetch(`${app.server.url}/webhook/${webhookPath}`, {
			method: options.method ?? 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(options.timeoutMs ?? 300_000),
		});
		const text = await response.text();
		const ms = performance.now() - started;
		let parsed;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			parsed = text;
		}
		if (response.status === 404 && Date.now() < deadline && /not registered/.test(text)) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			continue;
		}
		return { status: response.status, body: parsed, ms };
	}
}

/**
 * The newest executions of a workflow (newest first, at most 100: n8n's page limit), without their data.
 * @param {import('./n8n').N8nInstance} app
 * @param {string} workflowId
 * @param {number} [limit]
 * @returns {Promise<any[]>}
 */
async function listExecutions(app, workflowId, limit = 100) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const page = await app.rest('GET', `/rest/executions?filter=${filter}&limit=${limit}`);
	return page.results;
}

/**
 * One execution with its run data parsed (`data.resultData.runData[node][0]` has
 * `executionTime`, `startTime`, `executionStatus`, `data.main[0]` = the node's items).
 * @param {import('./n8n').N8nInstance} app
 * @param {string} id
 */
async function readExecution(app, id) {
	const execution = await app.rest('GET', `/rest/executions/${id}`);
	const data = typeof execution.data === 'string' ? flattedParse(app)(execution.data) : execution.data;
	return { ...execution, data };
}

/**
 * The first run of a node in an execution's data.
 * @param {any} data  readExecution(...).data
 * @param {string} nodeName
 */
function nodeRun(data, nodeName) {
	const run = data?.resultData?.runData?.[nodeName]?.[0];
	if (!run) throw new Error(`node "${nodeName}" did not run: ${JSON.stringify(data?.resultData?.error ?? null)}`);
	return run;
}

module.exports = { callWebhook, listExecutions, readExecution, nodeRun };
