// @ts-check
'use strict';

/**
 * Pieces of `npm run dev` (scripts/dev.js) that are not about process control: the dev user
 * folder's state file, the example workflows to import, n8n readiness and the owner login.
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const DEV_OWNER = Object.freeze({
	email: 'dev@example.com',
	firstName: 'GEN',
	lastName: 'Developer',
	password: 'GenDev-Password-1',
});
const DEV_CREDENTIAL = Object.freeze({ id: 'genDevSandbox001', name: 'GEN account' });

/** Used when the repository has no examples/ folder. */
const FALLBACK_WORKFLOW = {
	name: 'GEN: list API keys',
	nodes: [
		{
			id: '6c2c8bc5-1b55-4f3a-9d7e-3f1d1a0e0001',
			name: 'Run now',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: '6c2c8bc5-1b55-4f3a-9d7e-3f1d1a0e0002',
			name: 'List API keys',
			type: 'n8n-nodes-gen.gen',
			typeVersion: 1,
			position: [240, 0],
			parameters: { resource: 'apiKey', operation: 'getAll', returnAll: true },
			credentials: { genApi: { id: null, name: 'GEN account' } },
		},
	],
	connections: { 'Run now': { main: [[{ node: 'List API keys', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

/**
 * The workflows `npm run dev` imports: every examples/*.json (or one built-in workflow), each with
 * a stable id derived from its file name and its GEN credentials pointed at the dev credential.
 * @param {string} repoRoot
 * @param {string} nodeType  e.g. 'n8n-nodes-gen.gen'
 * @returns {{ workflows: any[], hash: string, source: string }}
 */
function exampleWorkflows(repoRoot, nodeType) {
	const dir = path.join(repoRoot, 'examples');
	const files = fs.existsSync(dir)
		? fs.readdirSync(dir).filter((file) => file.endsWith('.json')).sort()
		: [];
	/** @type {Array<[string, any]>} */
	const entries = files.length
		? files.map((file) => [file, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))])
		: [['built-in.json', FALLBACK_WORKFLOW]];
	const workflows = entries.map(([file, workflow]) => {
		const id = `genDev${crypto.createHash('sha1').update(file).digest('hex').slice(0, 10)}`;
		const nodes = (workflow.nodes ?? []).map((/** @type {any} */ node) => {
			const copy = { ...node };
			if (copy.type === 'n8n-nodes-gen.gen' || copy.type === 'CUSTOM.gen') copy.type = nodeType;
			if (copy.credentials?.genApi) {
				copy.credentials = { ...copy.credentials, genApi: { ...DEV_CREDENTIAL } };
			}
			return copy;
		});
		return { ...workflow, id, nodes, active: false };
	});
	const hash = crypto.createHash('sha1').update(JSON.stringify(workflows)).digest('hex');
	return { workflows, hash, source: files.length ? `examples/ (${files.length})` : 'built-in' };
}

/** @param {string} file */
function readState(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return {};
	}
}

/** @param {string} file @param {object} state */
function writeState(file, state) {
	fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * Whether a TCP port is free on 127.0.0.1.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function portIsFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/**
 * Sets up the dev owner on a new user folder, else logs in with the same fixed login.
 * @param {import('../e2e/lib/n8n').N8nInstance} app
 * @param {any} settings  from /rest/settings
 */
async function ownerSession(app, settings) {
	if (settings?.userManagement?.showSetupOnFirstLoad) {
		await app.setupOwner(DEV_OWNER);
		return 'created';
	}
	await app.login(DEV_OWNER.email, DEV_OWNER.password);
	return 'logged in';
}

module.exports = {
	DEV_OWNER,
	DEV_CREDENTIAL,
	exampleWorkflows,
	readState,
	writeState,
	portIsFree,
	ownerSession,
};
