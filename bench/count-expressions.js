#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Counts the expression evaluations n8n-core's RoutingNode makes per item when the GEN node
 * renames keys (n8n-core 2.41.1 through the test harness, test/harness). In n8n 2.x each
 * evaluation runs in the isolated-vm expression engine and costs far more than the request
 * itself, so this count explains the GEN node's time in `npm run bench`.
 *
 *   node bench/count-expressions.js [items=10]     (after `npm run build`)
 */
const path = require('node:path');
const ts = require('typescript');

// The harness is TypeScript: transpile it on require (no type check; `npm run typecheck` does that).
require.extensions['.ts'] = (module, filename) => {
	const source = require('node:fs').readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true },
		fileName: filename,
	});
	// @ts-ignore
	module._compile(outputText, filename);
};

const harness = require(path.join(__dirname, '../test/harness/n8n.ts'));
const { startSandbox } = require('../test/sandbox/server');
const { Expression } = require('n8n-workflow');

const ITEMS = Number(process.argv[2]) > 0 ? Number(process.argv[2]) : 10;

(async () => {
	const sandbox = await startSandbox({ latencyMs: 0, extraKeys: ITEMS });
	/** @type {Map<string, number>} */
	const counts = new Map();
	const original = Expression.prototype.resolveSimpleParameterValue;
	let counting = false;
	Expression.prototype.resolveSimpleParameterValue = function (parameterValue, ...rest) {
		if (counting) counts.set(String(parameterValue), (counts.get(String(parameterValue)) ?? 0) + 1);
		return original.call(this, parameterValue, ...rest);
	};
	const run = (/** @type {string} */ label) =>
		harness.runNode({
			parameters: {
				resource: 'apiKey',
				operation: 'rename',
				apiKeyId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				name: '={{ $json.name }}',
			},
			credentials: { genApi: { apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl } },
			items: Array.from({ length: ITEMS }, (_, i) => ({ id: 1001 + i, name: `${label}-${i}` })),
		});
	await run('warm'); // loads the package and n8n-core
	counting = true;
	const result = await run('count');
	counting = false;
	if (result.error || result.items.length !== ITEMS) throw new Error(JSON.stringify(result.error));
	let total = 0;
	console.log(`GEN rename, ${ITEMS} items: expression evaluations per item`);
	for (const [expression, n] of [...counts.entries()].sort((a, b) => b[1] - a[1])) {
		total += n;
		console.log(`  ${(n / ITEMS).toFixed(1).padStart(5)}  ${expression}`);
	}
	console.log(`  ${(total / ITEMS).toFixed(1).padStart(5)}  total (the app's credentials helper resolves the X-API-Key header the same way, once per request)`);
	await sandbox.close();
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
