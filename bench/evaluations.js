#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * `npm run bench:evaluations`: expression evaluations per item of every GEN operation, counted
 * through n8n-core 2.41.1's RoutingNode (the test harness, test/harness) exactly as
 * test/evaluations.test.ts counts them (test/support/evaluations.ts: every call of n8n-workflow's
 * `Expression.resolveSimpleParameterValue`). In n8n 2.x each evaluation costs an isolated-VM call,
 * more than a request to GEN on 127.0.0.1, so this count drives the node's time with many items.
 *
 * Every operation of test/support/operations.ts (one run of each with the least it needs) is run
 * over ITEMS input items three ways:
 *   - fixed values: its parameters as listed there;
 *   - from expressions: every text/number field and API Key value as `={{ $json.<field> }}`, the
 *     input items carrying the values (how a workflow fills fields for many items);
 *   - Auto-Map Input Data, where the operation offers Mapping: the values as the input items' fields.
 *
 *   node bench/evaluations.js            markdown table (after `npm run build`)
 *   node bench/evaluations.js --json     the same as JSON, plus the cases of `npm run bench`
 *
 * Runs on Node 20 (the harness loads n8n-core from this repo's devDependencies); `npm run bench`
 * runs it as a child process.
 */

const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

// The harness is TypeScript: transpile it on require (no type check; `npm run typecheck` does that).
require.extensions['.ts'] = (/** @type {any} */ module, /** @type {string} */ filename) => {
	const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true },
		fileName: filename,
	});
	// @ts-ignore Module#_compile is what require.extensions handlers call
	module._compile(outputText, filename);
};

const ITEMS = 20;

/** @param {unknown} value */
const isLocator = (value) => typeof value === 'object' && value !== null && /** @type {any} */ (value).__rl === true;

/**
 * The operation's parameters with every text/number field (and resource locator value) taken from
 * the input item by an expression, and the item that carries the values.
 * @param {Record<string, unknown>} parameters
 */
function fromExpressions(parameters) {
	/** @type {Record<string, unknown>} */
	const out = {};
	/** @type {Record<string, unknown>} */
	const item = {};
	for (const [name, value] of Object.entries(parameters)) {
		if (typeof value === 'string' || typeof value === 'number') {
			out[name] = `={{ $json.${name} }}`;
			item[name] = value;
		} else if (isLocator(value)) {
			out[name] = { .../** @type {object} */ (value), value: `={{ $json.${name} }}` };
			item[name] = /** @type {any} */ (value).value;
		} else out[name] = value;
	}
	return { parameters: out, item, fields: Object.keys(item) };
}

/**
 * The input item for Auto-Map Input Data: the values under the parameter names, and the first
 * `…Id` locator's value also as `id` (GEN's own field name, as Get Many outputs it).
 * @param {Record<string, unknown>} parameters
 */
function autoMapItem(parameters) {
	/** @type {Record<string, unknown>} */
	const item = {};
	for (const [name, value] of Object.entries(parameters)) {
		if (isLocator(value)) {
			item[name] = /** @type {any} */ (value).value;
			if (/Id$/.test(name) && item.id === undefined) item.id = item[name];
		} else if (typeof value === 'string' || typeof value === 'number') item[name] = value;
	}
	return item;
}

/** Whether the node offers Mapping (Define Below / Auto-Map Input Data) for this operation. */
function offersAutoMap(/** @type {any} */ description, /** @type {string} */ resource, /** @type {string} */ operation) {
	return description.properties.some(
		(/** @type {any} */ p) =>
			p.name === 'mapping' &&
			p.options?.some((/** @type {any} */ o) => o.value === 'autoMapInputData') &&
			(p.displayOptions?.show?.resource ?? [resource]).includes(resource) &&
			(p.displayOptions?.show?.operation ?? [operation]).includes(operation),
	);
}

async function main() {
	const repoRoot = path.resolve(__dirname, '..');
	if (!fs.existsSync(path.join(repoRoot, 'dist/nodes/Gen/Gen.node.js'))) throw new Error('run `npm run build` first');
	// harness first: it sets N8N_USER_FOLDER before n8n-core loads
	require(path.join(repoRoot, 'test/harness/n8n.ts'));
	const { evaluationsPerItem } = require(path.join(repoRoot, 'test/support/evaluations.ts'));
	const { EVERY_OPERATION } = require(path.join(repoRoot, 'test/support/operations.ts'));
	const { startSandbox } = require(path.join(repoRoot, 'test/sandbox/server'));
	const { benchGenParameters } = require('./workflows');
	const { Gen } = require(path.join(repoRoot, 'dist/nodes/Gen/Gen.node.js'));
	const description = new Gen().description;

	const sandbox = await startSandbox({ latencyMs: 0, extraKeys: ITEMS });
	/**
	 * Evaluations per item of one run over ITEMS copies of `item` (or the error's message).
	 * Operations that create what GEN shows once (Create) refuse several items without Continue On
	 * Fail: those are counted over one item. evaluationsPerItem rejects on a failed run, so every
	 * counted run did its work.
	 * @param {Record<string, unknown>} parameters @param {Record<string, unknown>} item
	 * @returns {Promise<{ perItem: number | string, items: number }>}
	 */
	const count = async (parameters, item, items = ITEMS) => {
		sandbox.reset();
		try {
			return { perItem: await evaluationsPerItem(sandbox, parameters, Array.from({ length: items }, () => ({ ...item }))), items };
		} catch (error) {
			const message = String(/** @type {Error} */ (error).message ?? error);
			if (items > 1 && message.includes('needs Continue On Fail')) return await count(parameters, item, 1);
			return { perItem: message, items };
		}
	};

	/** @type {any[]} */
	const operations = [];
	for (const [resource, operation, parameters] of EVERY_OPERATION) {
		const base = { resource, operation, ...parameters };
		const expressions = fromExpressions(parameters);
		operations.push({
			resource,
			operation,
			name: operationName(description, resource, operation),
			fixed: await count(base, {}),
			fromExpressions: expressions.fields.length
				? { fields: expressions.fields, perItem: await count({ resource, operation, ...expressions.parameters }, expressions.item) }
				: undefined,
			autoMap: offersAutoMap(description, resource, operation)
				? await count({ resource, operation, mapping: 'autoMapInputData' }, autoMapItem(parameters))
				: undefined,
		});
	}
	// The GEN cases `npm run bench` measures, with the bench's own parameters and item shape.
	/** @type {Record<string, number | string>} */
	const bench = {};
	for (const [way, { parameters, item }] of Object.entries(benchGenParameters())) bench[way] = (await count(parameters, item)).perItem;
	await sandbox.close();

	if (process.argv.includes('--json')) {
		process.stdout.write(`${JSON.stringify({ items: ITEMS, operations, bench })}\n`);
	} else {
		process.stdout.write(`${renderTable({ items: ITEMS, operations })}\n`);
	}
}

/** @param {any} description @param {string} resource @param {string} operation */
function operationName(description, resource, operation) {
	const resourceName = description.properties
		.find((/** @type {any} */ p) => p.name === 'resource')
		?.options?.find((/** @type {any} */ o) => o.value === resource)?.name;
	const operationProperty = description.properties.find(
		(/** @type {any} */ p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	const opName = operationProperty?.options?.find((/** @type {any} */ o) => o.value === operation)?.name;
	return `${resourceName ?? resource} > ${opName ?? operation}`;
}

/** @param {{ perItem: number | string, items: number } | undefined} result */
const cell = (result) => {
	if (!result) return '—';
	const { perItem, items } = result;
	if (typeof perItem !== 'number') return `failed: ${perItem}`;
	return `${Number(perItem.toFixed(2))}${items === 1 ? ' (1 item¹)' : ''}`;
};

/**
 * Markdown table of the per-operation counts (also used by bench/run.js).
 * @param {{ items: number, operations: any[] }} result
 */
function renderTable({ items, operations }) {
	return [
		`Expression evaluations per item, n8n-core 2.41.1 RoutingNode, ${items} input items (\`npm run bench:evaluations\`):`,
		'',
		'| Operation | fixed values | fields from expressions (`={{ $json.… }}`) | Auto-Map Input Data |',
		'|---|---:|---:|---:|',
		...operations.map(
			(o) =>
				`| ${o.name} | ${cell(o.fixed)} | ${o.fromExpressions ? `${cell(o.fromExpressions.perItem)} (${o.fromExpressions.fields.join(', ')})` : '—'} | ${cell(o.autoMap)} |`,
		),
		...(operations.some((o) => [o.fixed, o.fromExpressions?.perItem, o.autoMap].some((r) => r?.items === 1))
			? ['', '¹ counted over one item: the operation refuses several items without Continue On Fail.']
			: []),
	].join('\n');
}

module.exports = { renderTable };

if (require.main === module) {
	main().then(
		() => process.exit(0),
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
