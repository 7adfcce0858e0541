// @ts-check
'use strict';

/**
 * What the sandbox's HTTP hosts (the main API, the agent host) share: listening on a port,
 * closing once, the request log's entries, the JSON body, and a fault's answer.
 */

const { faultResponse } = require('./faults');
const { sendRaw, queryObject } = require('./util');

/**
 * @typedef {import('node:http').Server} Server
 * @typedef {import('node:http').IncomingMessage} IncomingMessage
 * @typedef {import('node:http').ServerResponse} ServerResponse
 * @typedef {{ ok: true, value: unknown } | { ok: false }} Parsed
 */

/** The path and the query string (without `?`) of a request target. @param {string} url */
function splitTarget(url) {
	const q = url.indexOf('?');
	return { path: q < 0 ? url : url.slice(0, q), search: q < 0 ? '' : url.slice(q + 1) };
}

/**
 * The request as the log keeps it.
 * @param {IncomingMessage} req @param {string} method @param {string} url @param {string} rawBody @param {Parsed} parsed
 * @returns {import('./server').RecordedRequest}
 */
function recordOf(req, method, url, rawBody, parsed) {
	const { path, search } = splitTarget(url);
	return {
		method,
		path,
		query: queryObject(search),
		url,
		headers: { ...req.headers },
		body: rawBody === '' ? undefined : parsed.ok ? parsed.value : rawBody,
		rawBody,
	};
}

/** The parsed JSON when it is an object, else `{}`. @param {unknown} value @returns {Record<string, unknown>} */
const objectBody = (value) => (value && typeof value === 'object' && !Array.isArray(value) ? /** @type {Record<string, unknown>} */ (value) : {});

/** Sends a fault's answer instead of the request's own. @param {ServerResponse} res @param {import('./faults').QueuedFault} fault  one with a status */
function sendFault(res, fault) {
	const answer = faultResponse({ ...fault, status: /** @type {number} */ (fault.status) });
	sendRaw(res, answer.status, answer.headers, answer.body);
}

/**
 * Listens on `port` (0 = a free one) and resolves to the address, or rejects on a listen error.
 * @param {Server} server @param {number} port @param {string} host
 * @returns {Promise<{ origin: string, port: number }>}
 */
async function listen(server, port, host) {
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return { origin: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`, port: address.port };
}

/**
 * A `close()` that stops listening and drops keep-alive sockets; calling it again gives the same promise.
 * @param {Server} server @param {() => void} [before]  runs first (e.g. clears timers)
 * @returns {() => Promise<void>}
 */
function closer(server, before) {
	/** @type {Promise<void> | undefined} */
	let closing;
	return () =>
		(closing ??= new Promise((resolve) => {
			before?.();
			server.close(() => resolve());
			server.closeAllConnections();
		}));
}

module.exports = { splitTarget, recordOf, objectBody, sendFault, listen, closer };
