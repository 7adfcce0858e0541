const { rm, readdir } = require('node:fs/promises');
const path = require('node:path');

// `n8n-node build` (npm run build) compiles with tsc, then copies every *.png and *.svg of the
// repository into dist/ under the same path: the icons n8n loads (dist/icons/) but also README
// screenshots (docs/ -> dist/docs/), which would end up in the npm package. This task keeps in
// dist/ only what n8n loads: the compiled nodes and credentials, and their icons.
const KEEP = new Set(['nodes', 'credentials', 'icons']);

async function pruneDist() {
	const entries = await readdir('dist');
	for (const entry of entries) {
		if (KEEP.has(entry)) continue;
		await rm(path.join('dist', entry), { recursive: true, force: true });
		console.log(`removed dist/${entry} (not part of the package)`);
	}
	for (const needed of KEEP) {
		if (!entries.includes(needed)) throw new Error(`dist/${needed} is missing: did n8n-node build run?`);
	}
}

exports['build:prune'] = pruneDist;
