// @ts-check
'use strict';

/**
 * Preloaded into the n8n process by `npm run bench` (NODE_OPTIONS=--require): counts expression
 * evaluations the way test/support/evaluations.ts does (every call of n8n-workflow's
 * `Expression.resolveSimpleParameterValue`), here per node (the active node's name, taken from the
 * `WorkflowExpression` call that leads to it), and answers `GET /` on 127.0.0.1:BENCH_COUNT_PORT
 * with `{ "<node name>": count }`. Costs a counter increment per evaluation (one evaluation costs
 * ~0.3 ms in n8n 2.x). Processes n8n starts itself (task runners) inherit NODE_OPTIONS, not the
 * port: they count nothing and serve nothing.
 */

const http = require('node:http');
const Module = require('node:module');

const port = Number(process.env.BENCH_COUNT_PORT);
delete process.env.BENCH_COUNT_PORT;

if (port > 0) {
	/** @type {Record<string, number>} */
	const counts = {};
	/** @type {string} */
	let activeNode = '(outside a node)';
	const patched = Symbol('bench-counted');

	/** @param {any} exports */
	const patch = (exports) => {
		const inner = exports?.Expression?.prototype;
		const outer = exports?.WorkflowExpression?.prototype;
		if (inner?.resolveSimpleParameterValue && !inner[patched]) {
			inner[patched] = true;
			const original = inner.resolveSimpleParameterValue;
			inner.resolveSimpleParameterValue = function (/** @type {any[]} */ ...args) {
				counts[activeNode] = (counts[activeNode] ?? 0) + 1;
				return original.apply(this, args);
			};
		}
		if (outer?.resolveSimpleParameterValue && !outer[patched]) {
			outer[patched] = true;
			const original = outer.resolveSimpleParameterValue;
			// (parameterValue, siblingParameters, runExecutionData, runIndex, itemIndex, activeNodeName, …): synchronous
			outer.resolveSimpleParameterValue = function (/** @type {any[]} */ ...args) {
				const previous = activeNode;
				activeNode = String(args[5] ?? previous);
				try {
					return original.apply(this, args);
				} finally {
					activeNode = previous;
				}
			};
		}
	};

	// @ts-ignore Module._load is internal but stable
	const load = Module._load;
	// @ts-ignore
	Module._load = function (/** @type {string} */ request, /** @type {any[]} */ ...rest) {
		const exports = load.call(this, request, ...rest);
		try {
			if (exports && (exports.Expression || exports.WorkflowExpression)) patch(exports);
		} catch {
			// an exotic exports object (a Proxy that throws): not n8n-workflow
		}
		return exports;
	};

	http
		.createServer((_req, res) => {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(counts));
		})
		.listen(port, '127.0.0.1')
		.unref();
}
