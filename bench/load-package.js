// @ts-check
'use strict';

/**
 * One cold load of the package with n8n-core's PackageDirectoryLoader (what n8n does for a
 * community package at start-up), in a fresh process. Prints one JSON line:
 * { requireCoreMs, loadMs, nodes, credentials }. Usage: node bench/load-package.js <packageDir>
 * (a directory where `n8n-workflow` resolves, e.g. the repository after `npm run build`).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
// n8n-core writes <N8N_USER_FOLDER>/.n8n/config when it loads: keep that out of $HOME.
const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-gen-bench-load-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

(async () => {
	const t0 = performance.now();
	const { PackageDirectoryLoader } = require('n8n-core');
	const t1 = performance.now();
	const loader = new PackageDirectoryLoader(dir);
	await loader.loadAll();
	const t2 = performance.now();
	const result = {
		requireCoreMs: t1 - t0,
		loadMs: t2 - t1,
		nodes: Object.keys(loader.nodeTypes).length,
		credentials: Object.keys(loader.credentialTypes).length,
	};
	fs.rmSync(userFolder, { recursive: true, force: true });
	process.stdout.write(`${JSON.stringify(result)}\n`);
})().catch((error) => {
	fs.rmSync(userFolder, { recursive: true, force: true });
	console.error(error);
	process.exit(1);
});
