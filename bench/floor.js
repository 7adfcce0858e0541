// @ts-check
'use strict';

/**
 * The floor of `npm run bench`: the same GEN requests as the n8n workflows, sent with Node's own
 * `fetch` and nothing else (no n8n, no expressions, no items). Forked by bench/run.js on the Node
 * that runs n8n (Node 24 for n8n 2.x) and kept alive between runs, so it is as warm as n8n is.
 *
 * Message in:  { id, kind: 'rename-concurrent' | 'rename-sequential' | 'revoke-concurrent' | 'list', baseUrl, apiKey, items? }
 * Message out: { id, ms, ok, count } or { id, error }
 *
 * - rename-concurrent: every item's PATCH started at once and awaited with Promise.allSettled,
 *   which is what both n8n nodes do (n8n-core's RoutingNode and the HTTP Request node each start
 *   one request per item and await them together).
 * - rename-sequential: one PATCH after the other (await each), the plain loop.
 * - revoke-concurrent: every item's DELETE …/revoke started at once, awaited with Promise.allSettled.
 * - list: one GET of every key, JSON parsed and turned into one object per key.
 */

/** @param {string} apiKey */
const headers = (apiKey) => ({ 'X-API-Key': apiKey, Accept: 'application/json', 'Content-Type': 'application/json' });

/** @param {string} baseUrl @param {string} apiKey @param {{ id: number, name: string }} item */
async function rename(baseUrl, apiKey, item) {
	const response = await fetch(`${baseUrl}/persisted_tokens/${encodeURIComponent(String(item.id))}`, {
		method: 'PATCH',
		headers: headers(apiKey),
		body: JSON.stringify({ persisted_token: { name: item.name } }),
	});
	const body = await response.json();
	if (!response.ok) throw new Error(`PATCH ${item.id}: ${response.status} ${JSON.stringify(body)}`);
	return body;
}

/** @param {string} baseUrl @param {string} apiKey @param {{ id: number }} item */
async function revoke(baseUrl, apiKey, item) {
	const response = await fetch(`${baseUrl}/persisted_tokens/${encodeURIComponent(String(item.id))}/revoke`, {
		method: 'DELETE',
		headers: headers(apiKey),
	});
	await response.arrayBuffer();
	if (!response.ok) throw new Error(`DELETE ${item.id}: ${response.status}`);
}

/** @param {any} msg */
async function handle(msg) {
	const { kind, baseUrl, apiKey, items = [] } = msg;
	const started = performance.now();
	let ok = 0;
	let count = 0;
	if (kind === 'rename-concurrent') {
		const results = await Promise.allSettled(items.map((/** @type {any} */ item) => rename(baseUrl, apiKey, item)));
		ok = results.filter((r) => r.status === 'fulfilled').length;
		count = results.length;
	} else if (kind === 'revoke-concurrent') {
		const results = await Promise.allSettled(items.map((/** @type {any} */ item) => revoke(baseUrl, apiKey, item)));
		ok = results.filter((r) => r.status === 'fulfilled').length;
		count = results.length;
	} else if (kind === 'rename-sequential') {
		for (const item of items) {
			await rename(baseUrl, apiKey, item);
			ok++;
			count++;
		}
	} else if (kind === 'list') {
		const response = await fetch(`${baseUrl}/persisted_tokens`, { headers: headers(apiKey) });
		const body = await response.json();
		if (!response.ok || !Array.isArray(body)) throw new Error(`GET list: ${response.status}`);
		const out = body.map((json) => ({ json }));
		ok = response.ok ? 1 : 0;
		count = out.length;
	} else {
		throw new Error(`unknown kind ${kind}`);
	}
	return { ms: performance.now() - started, ok, count };
}

process.on('message', (/** @type {any} */ msg) => {
	if (msg === 'exit') process.exit(0);
	handle(msg).then(
		(result) => process.send?.({ id: msg.id, ...result }),
		(error) => process.send?.({ id: msg.id, error: String(error?.stack ?? error) }),
	);
});
process.send?.({ ready: true, node: process.version });
