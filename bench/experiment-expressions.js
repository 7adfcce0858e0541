#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Experiment behind the bench findings: how much of the GEN node's time for "rename 1,000 keys"
 * goes to expression evaluations that the node's own description causes, measured in the real
 * n8n 2.x app. The installed copy of the package (in a throwaway n8n user folder, never the
 * repository) is changed step by step at load time, and the same rename runs after each step:
 *
 *   base      the package as built
 *   dedupe    + the properties hidden for rename that share a name with a shown one are dropped
 *               (n8n-core evaluates every property's value for every item, shown or not, twice)
 *   presend   + the rename preSend steps read the values n8n already put into the request
 *               instead of reading the parameters again (getNodeParameter = one more evaluation)
 *   auth      + the credential sets baseURL and X-API-Key in an `authenticate` function instead
 *               of the `={{$credentials…}}` expressions (requestDefaults.baseURL is evaluated
 *               twice per item, the generic header once)
 *   http      the HTTP Request node + Header Auth doing the same (for reference)
 *
 *   node bench/experiment-expressions.js [runs=5]     (after `npm run build`)
 */

const fs = require('node:fs');
const path = require('node:path');

const n8n = require('../scripts/e2e/lib/n8n');
const queue = require('../scripts/e2e/lib/queue');
const { callWebhook, listExecutions, readExecution, nodeRun } = require('../scripts/e2e/lib/executions');
const { startSandbox } = require('../test/sandbox/server');
const { credentials, workflows } = require('./workflows');

const RUNS = Number(process.argv[2]) > 0 ? Number(process.argv[2]) : 5;
const COUNT = 1000;
const STEPS = ['base', 'dedupe', 'presend', 'auth'];

/**
 * A wrapper module for Gen.node.js that applies the steps up to `step` to the description.
 * @param {string} step
 */
function genWrapper(step) {
	const level = STEPS.indexOf(step);
	return `'use strict';
const { NodeHelpers, NodeOperationError } = require('n8n-workflow');
const original = require('./Gen.node.original.js');
class Gen extends original.Gen {
	constructor() {
		super();
		const d = this.description;
		const rename = { authentication: 'apiKey', resource: 'apiKey', operation: 'rename' };
		const shown = (p) => NodeHelpers.displayParameter(rename, p, { typeVersion: 1, parameters: rename }, d, rename);
		if (${level} >= 1) {
			const shownNames = new Set(d.properties.filter(shown).map((p) => p.name));
			d.properties = d.properties.filter((p) => shown(p) || !shownNames.has(p.name));
		}
		if (${level} >= 2) {
			for (const p of d.properties.filter(shown)) {
				if (p.name === 'name' && p.routing?.send) {
					p.routing.send.preSend = [async function (o) {
						const v = o.body?.persisted_token?.name;
						if (v === undefined || v === null || !String(v).trim()) throw new NodeOperationError(this.getNode(), 'New Name is empty');
						return o;
					}];
				}
				if (p.name === 'apiKeyId') {
					p.routing = { send: { type: 'query', property: '__genApiKeyId', propertyInDotNotation: false, preSend: [async function (o) {
						const id = String(o.qs.__genApiKeyId ?? '').trim();
						delete o.qs.__genApiKeyId;
						if (!id || /^\\.+$/.test(id)) throw new NodeOperationError(this.getNode(), 'API Key ID is not valid');
						o.url = o.url.replace('{apiKeyId}', encodeURIComponent(id));
						return o;
					}] } };
				}
			}
		}
		if (${level} >= 3) delete d.requestDefaults.baseURL;
	}
}
module.exports = { ...original, Gen };
`;
}

const credentialWrapper = `'use strict';
const original = require('./GenApi.credentials.original.js');
class GenApi extends original.GenApi {
	constructor() {
		super();
		this.authenticate = async (credentials, requestOptions) => {
			requestOptions.baseURL = String(credentials.baseUrl).trim().replace(/\\/+$/, '');
			requestOptions.headers = { ...requestOptions.headers, 'X-API-Key': credentials.apiKey };
			return requestOptions;
		};
	}
}
module.exports = { ...original, GenApi };
`;

/** @param {string} packageDir @param {string} step */
function applyStep(packageDir, step) {
	const node = path.join(packageDir, 'dist/nodes/Gen/Gen.node.js');
	const nodeOriginal = node.replace(/\.js$/, '.original.js');
	if (!fs.existsSync(nodeOriginal)) fs.copyFileSync(node, nodeOriginal);
	fs.writeFileSync(node, genWrapper(step));
	const cred = path.join(packageDir, 'dist/credentials/GenApi.credentials.js');
	const credOriginal = cred.replace(/\.js$/, '.original.js');
	if (!fs.existsSync(credOriginal)) fs.copyFileSync(cred, credOriginal);
	if (step === 'auth') fs.writeFileSync(cred, credentialWrapper);
	else fs.copyFileSync(credOriginal, cred);
}

/** @param {number[]} v */
const median = (v) => {
	const s = [...v].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
	const sandbox = await startSandbox({ latencyMs: 0, extraKeys: COUNT });
	const app = await n8n.createInstance({ line: '2', label: 'experiment' });
	const packageDir = path.join(app.userFolder, '.n8n/nodes/node_modules', n8n.PACKAGE_NAME);
	/** @type {string[]} */
	const lines = [];
	try {
		const wfs = workflows(app.nodeType, sandbox.baseUrl);
		await app.importCredentials(credentials(sandbox));
		await app.importWorkflows([wfs.renameGen, wfs.renameHttp]);
		let round = 0;
		let ownerDone = false;
		for (const step of [...STEPS, 'http']) {
			if (step !== 'http') applyStep(packageDir, step);
			await app.start();
			await queue.waitForMainReady(app);
			if (!ownerDone) {
				await app.setupOwner();
				await app.activateWorkflow(wfs.renameGen.id);
				await app.activateWorkflow(wfs.renameHttp.id);
				ownerDone = true;
			} else {
				await app.login();
			}
			const wf = step === 'http' ? wfs.renameHttp : wfs.renameGen;
			/** @type {number[]} */
			const times = [];
			for (let i = 0; i < RUNS + 1; i++) {
				round++;
				const items = Array.from({ length: COUNT }, (_, k) => ({ id: 1001 + k, name: `exp-${round}-${k}` }));
				sandbox.clearRequests();
				const r = await callWebhook(app, wf.nodes[0].parameters.path, { items }, { waitForRegistrationMs: 60_000 });
				if (r.status !== 200) throw new Error(`${step}: webhook ${r.status} ${JSON.stringify(r.body)}`);
				let execution;
				for (let k = 0; k < 100; k++) {
					[execution] = await listExecutions(app, wf.id, 1);
					if (execution && !['new', 'running'].includes(execution.status)) break;
					await new Promise((resolve) => setTimeout(resolve, 50));
				}
				const run = nodeRun((await readExecution(app, String(execution.id))).data, 'Measured');
				const ok = sandbox.requests.filter((q) => q.method === 'PATCH' && q.headers['x-api-key'] === sandbox.apiKey).length;
				const renamed = sandbox.state.keys.find((k) => k.id === 1001 + COUNT - 1)?.name === items[COUNT - 1].name;
				if (run.executionStatus !== 'success' || ok !== COUNT || !renamed) {
					throw new Error(`${step}: ${run.executionStatus}, ${ok} authenticated PATCH, last renamed: ${renamed} ${JSON.stringify(run.error ?? null)}`);
				}
				if (i > 0) times.push(run.executionTime); // first run = warm-up
			}
			const line = `${step.padEnd(8)} median ${median(times)} ms  (${times.join(', ')})`;
			lines.push(line);
			process.stderr.write(`${line}\n`);
			await app.stopServer();
		}
	} finally {
		await app.dispose();
		await sandbox.close();
		await n8n.stopAll();
	}
	process.stdout.write(`rename 1,000 keys, node executionTime, ${RUNS} runs per step:\n${lines.join('\n')}\n`);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
