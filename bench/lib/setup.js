// @ts-check
'use strict';

// The stage every case of `npm run bench` runs on: one GEN sandbox, one n8n 2.x app with the
// bench workflows published, the fetch floor, and the checks that each run did its work.

const path = require('node:path');

const n8n = require('../../scripts/e2e/lib/n8n');
const queue = require('../../scripts/e2e/lib/queue');
const { callWebhook, listExecutions, readExecution, nodeRun } = require('../../scripts/e2e/lib/executions');
const { startSandbox } = require('../../test/sandbox/server');
const { credentials, workflows } = require('../workflows');
const { LIST_COUNT, EXTRA_KEYS, FIRST_BULK_ID, RENAME_COUNT, log } = require('./common');
const { startFloor } = require('./facts');

const benchDir = path.join(__dirname, '..');

/**
 * @param {(() => Promise<void> | void)[]} cleanups
 * @param {{ tarball: string }} pkg
 */
async function setUp(cleanups, pkg) {
	const sandbox = await startSandbox({ latencyMs: 0, extraKeys: EXTRA_KEYS });
	cleanups.push(() => sandbox.close());
	if (sandbox.state.keys.length !== LIST_COUNT) throw new Error(`sandbox has ${sandbox.state.keys.length} keys`);

	log('n8n: install (cached), user folder, package install, import');
	const app = await n8n.createInstance({ line: '2', label: 'bench', tarball: pkg.tarball });
	cleanups.push(() => app.dispose());
	const wfs = workflows(app.nodeType, sandbox.baseUrl);
	await app.importCredentials(credentials(sandbox));
	await app.importWorkflows(Object.values(wfs));

	log('n8n: start (with bench/count-hook.js counting expression evaluations), owner, publish workflows');
	const countPort = await n8n.freePort();
	await app.start({ env: { NODE_OPTIONS: `--require ${path.join(benchDir, 'count-hook.js')}`, BENCH_COUNT_PORT: String(countPort) } });
	await queue.waitForMainReady(app);
	await app.setupOwner();
	for (const wf of Object.values(wfs)) await app.activateWorkflow(wf.id);
	const floor = await startFloor(app.installation.nodeBin);
	cleanups.push(() => floor.stop());
	/** @returns {Promise<Record<string, number>>} evaluations so far, by node name */
	const evaluationCounts = async () => /** @type {any} */ (await (await fetch(`http://127.0.0.1:${countPort}/`)).json());

	/** @type {Set<string>} */
	const seen = new Set();

	/**
	 * One production run of a bench workflow through its webhook: the measured node's own time, and
	 * the expression evaluations the app made for it per input item.
	 * @param {{ id: string, nodes: any[] }} wf @param {unknown} body @param {number} expectItems @param {number} inputItems
	 */
	async function runN8n(wf, body, expectItems, inputItems = expectItems) {
		const hookPath = wf.nodes[0].parameters.path;
		const before = (await evaluationCounts()).Measured ?? 0;
		const response = await callWebhook(app, hookPath, body, { waitForRegistrationMs: 60_000 });
		if (response.status !== 200) throw new Error(`${hookPath}: ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
		let execution;
		for (let i = 0; ; i++) {
			[execution] = await listExecutions(app, wf.id, 1);
			if (execution && !seen.has(String(execution.id)) && !['new', 'running'].includes(execution.status)) break;
			if (i > 200) throw new Error(`${hookPath}: no finished execution`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		seen.add(String(execution.id));
		const evaluations = ((await evaluationCounts()).Measured ?? 0) - before;
		const detail = await readExecution(app, String(execution.id));
		const run = nodeRun(detail.data, 'Measured');
		const items = run.data?.main?.[0]?.length ?? 0;
		if (execution.status !== 'success' || run.executionStatus !== 'success' || items !== expectItems) {
			throw new Error(`${hookPath}: status ${execution.status}/${run.executionStatus}, ${items} items: ${JSON.stringify(run.error ?? detail.data.resultData.error ?? null).slice(0, 1000)}`);
		}
		return {
			ms: /** @type {number} */ (run.executionTime),
			executionMs: Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt),
			roundTripMs: response.ms,
			evaluationsPerItem: evaluations / inputItems,
		};
	}

	/**
	 * The sandbox must have seen exactly the expected renames, authenticated.
	 * @param {{ id: number, name: string }[]} items @param {string} way
	 */
	function checkRenames(items, way) {
		const patches = sandbox.requests.filter((r) => r.method === 'PATCH');
		if (patches.length !== items.length || sandbox.requests.length !== items.length) {
			throw new Error(`${way}: sandbox saw ${sandbox.requests.length} requests (${patches.length} PATCH), expected ${items.length}`);
		}
		for (const r of patches) {
			if (r.headers['x-api-key'] !== sandbox.apiKey) throw new Error(`${way}: request without the API key`);
		}
		for (const r of [patches[0], patches[patches.length - 1]]) {
			const body = /** @type {any} */ (r.body);
			if (!body?.persisted_token?.name) throw new Error(`${way}: body ${r.rawBody}`);
		}
		const byId = new Map(sandbox.state.keys.map((k) => [k.id, k.name]));
		for (const item of items) {
			if (byId.get(item.id) !== item.name) throw new Error(`${way}: key ${item.id} is named ${byId.get(item.id)}, expected ${item.name}`);
		}
		sandbox.clearRequests();
	}
	/**
	 * The sandbox must have seen exactly one authenticated revoke per item, and every key be revoked.
	 * @param {{ id: number }[]} items @param {string} way
	 */
	function checkRevokes(items, way) {
		const deletes = sandbox.requests.filter((r) => r.method === 'DELETE' && /^\/v1\/persisted_tokens\/\d+\/revoke$/.test(r.path));
		if (deletes.length !== items.length || sandbox.requests.length !== items.length) {
			throw new Error(`${way}: sandbox saw ${sandbox.requests.length} requests (${deletes.length} revokes), expected ${items.length}`);
		}
		if (deletes.some((r) => r.headers['x-api-key'] !== sandbox.apiKey)) throw new Error(`${way}: request without the API key`);
		const revoked = new Set(sandbox.state.keys.filter((k) => k.revoked_at).map((k) => k.id));
		if (revoked.size !== seedRevoked + items.length || items.some((item) => !revoked.has(item.id))) {
			throw new Error(`${way}: ${revoked.size - seedRevoked} keys revoked, expected exactly the ${items.length} sent`);
		}
		sandbox.clearRequests();
	}
	/** keys the seed holds revoked already */
	const seedRevoked = sandbox.state.keys.filter((k) => k.revoked_at).length;
	/** @param {string} way */
	function checkList(way) {
		const gets = sandbox.requests.filter((r) => r.method === 'GET' && r.path === '/v1/persisted_tokens');
		if (gets.length !== 1 || sandbox.requests.length !== 1 || gets[0].headers['x-api-key'] !== sandbox.apiKey) {
			throw new Error(`${way}: sandbox saw ${sandbox.requests.length} requests`);
		}
		sandbox.clearRequests();
	}


	let round = 0;
	/** @param {string} way @param {number} [count] */
	const renameItems = (way, count = RENAME_COUNT) => {
		round++;
		return Array.from({ length: count }, (_, i) => ({ id: FIRST_BULK_ID + i, name: `bench-${round}-${way}-${i + 1}` }));
	};

	return { sandbox, app, wfs, floor, runN8n, checkRenames, checkRevokes, checkList, renameItems };
}

/** @typedef {Awaited<ReturnType<typeof setUp>>} Stage */

module.exports = { setUp };
