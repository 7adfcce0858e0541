// @ts-check
'use strict';

const { STATUS_CODES } = require('node:http');

/**
 * @typedef {object} Fault  what `sandbox.fault()` and `POST /__sandbox/faults` accept
 * @property {number} [status]  answer with this status instead of serving the request
 * @property {number} [times]  how many matching requests it hits (default 1; -1 or Infinity = every one)
 * @property {{ method?: string, path?: string }} [match]  method (any case) and exact path without query, e.g. '/v1/me'
 * @property {number | string | null} [retryAfter]  Retry-After header value in seconds (429 defaults to 1; null omits it)
 * @property {string | object | null} [body]  body override: a string is sent as is ('' = empty body, no
 *   Content-Type); an object, array or null is sent as JSON
 * @property {unknown} [json]  body override sent as JSON whatever its type (`json: null` sends `null`,
 *   `json: "x"` sends `"x"`), Content-Type application/json; wins over `body`
 * @property {Record<string, string | number | string[]>} [headers]  extra response headers (any case); they
 *   override the defaults, e.g. `{ Location: 'http://127.0.0.1:9/x' }` or `{ 'content-type': 'text/html' }`
 * @property {number} [delayMs]  wait this long first; without `status` the request is then served normally
 * @property {boolean} [destroy]  drop the connection without answering (network error)
 * @property {boolean} [serve]  with `status`: serve the request first (its effects happen), then answer
 *   the fault instead of GEN's answer — an answer lost on the way back
 *
 * @typedef {Required<Pick<Fault, 'times'>> & Omit<Fault, 'times'>} QueuedFault
 * @typedef {{ status: number, headers: Record<string, string | string[]>, body: string }} FaultResponse
 */

/** @param {number} status @param {string} title */
const html = (status, title) =>
	`<html><body><h1>${status} ${title}</h1></body></html>`;

/**
 * Validates and normalises a fault; throws TypeError with a readable message when it is unusable.
 * @param {unknown} input
 * @returns {QueuedFault}
 */
function normalizeFault(input) {
	if (!input || typeof input !== 'object' || Array.isArray(input)) {
		throw new TypeError('fault must be an object');
	}
	const f = /** @type {Fault} */ (input);
	if (f.status !== undefined && !(Number.isInteger(f.status) && f.status >= 200 && f.status <= 599)) {
		throw new TypeError('fault.status must be an HTTP status code (200-599)');
	}
	if (f.delayMs !== undefined && !(typeof f.delayMs === 'number' && f.delayMs >= 0)) {
		throw new TypeError('fault.delayMs must be a number >= 0');
	}
	if (f.status === undefined && f.delayMs === undefined && !f.destroy) {
		throw new TypeError('fault needs status, delayMs or destroy');
	}
	let times = f.times ?? 1;
	if (times === -1) times = Infinity;
	if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
		throw new TypeError('fault.times must be an integer >= 1 (or -1 / Infinity for always)');
	}
	if (f.headers !== undefined) {
		if (!f.headers || typeof f.headers !== 'object' || Array.isArray(f.headers)) {
			throw new TypeError('fault.headers must be an object of header values');
		}
		for (const [name, value] of Object.entries(f.headers)) {
			const ok =
				typeof value === 'string' ||
				typeof value === 'number' ||
				(Array.isArray(value) && value.every((v) => typeof v === 'string'));
			if (!ok || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new TypeError(`fault.headers["${name}"] is not a valid header`);
		}
	}
	const match = f.match ?? {};
	if (typeof match !== 'object') throw new TypeError('fault.match must be an object');
	return { ...f, times, match: { ...match } };
}

function createFaultQueue() {
	/** @type {QueuedFault[]} */
	let queue = [];
	return {
		/** @param {unknown} fault */
		add(fault) {
			const queued = normalizeFault(fault);
			queue.push(queued);
			return queued;
		},
		/**
		 * Takes (and uses up one `times` of) the first queued fault matching the request.
		 * @param {string} method @param {string} path
		 * @returns {QueuedFault | undefined}
		 */
		take(method, path) {
			const i = queue.findIndex(
				(f) =>
					(!f.match?.method || f.match.method.toUpperCase() === method) &&
					(!f.match?.path || f.match.path === path),
			);
			if (i < 0) return undefined;
			const fault = queue[i];
			fault.times -= 1;
			if (fault.times <= 0) queue.splice(i, 1);
			return fault;
		},
		clear() {
			queue = [];
		},
		list: () => queue.map((f) => ({ ...f, times: f.times === Infinity ? -1 : f.times })),
	};
}

/**
 * The response a fault with a status produces.
 * @param {QueuedFault & { status: number }} fault
 * @returns {FaultResponse}
 */
function faultResponse(fault) {
	const { status } = fault;
	const title = STATUS_CODES[status] ?? 'Error';
	/** @type {Record<string, string | string[]>} */
	const headers = {};
	/** @type {string | object | null} */
	let body;
	if (fault.json !== undefined) body = JSON.stringify(fault.json) ?? 'null';
	else if (fault.body !== undefined) body = fault.body;
	else if (status === 403) {
		body = { error: 'Your workspace role does not allow this action', error_code: 'permission_denied' };
	} else if (status === 429) body = { error: 'Rate limit exceeded' };
	else if (status === 401) body = { error: 'Invalid or missing API key', error_code: 'unauthorized' };
	else if (status === 404) body = { error: 'Not found', error_code: 'not_found' };
	else if (status === 422) body = { error: 'Validation failed', error_code: 'validation_error' };
	else if (status >= 500) body = html(status, title);
	else body = { error: title, error_code: title.toLowerCase().replace(/[^a-z0-9]+/g, '_') };

	let text;
	if (fault.json !== undefined) {
		text = /** @type {string} */ (body);
		headers['content-type'] = 'application/json; charset=utf-8';
	} else if (body === '') {
		text = '';
	} else if (typeof body === 'string') {
		text = body;
		headers['content-type'] = /^\s*</.test(body)
			? 'text/html; charset=utf-8'
			: isJson(body)
				? 'application/json; charset=utf-8'
				: 'text/plain; charset=utf-8';
	} else {
		text = JSON.stringify(body);
		headers['content-type'] = 'application/json; charset=utf-8';
	}
	const retryAfter = fault.retryAfter === undefined && status === 429 ? 1 : fault.retryAfter;
	if (retryAfter !== undefined && retryAfter !== null) headers['retry-after'] = String(retryAfter);
	for (const [name, value] of Object.entries(fault.headers ?? {})) {
		const lower = name.toLowerCase();
		if (lower === 'content-length') continue;
		headers[lower] = Array.isArray(value) ? value : String(value);
	}
	return { status, headers, body: text };
}

/** @param {string} text */
function isJson(text) {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

module.exports = { createFaultQueue, faultResponse };
