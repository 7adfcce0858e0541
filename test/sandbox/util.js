// @ts-check
'use strict';

/** Small HTTP helpers for the sandbox server. */

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_BODY = 1024 * 1024;

/**
 * @param {ServerResponse} res @param {number} status @param {unknown} [body]
 * @param {Record<string, string | string[]>} [headers]
 */
function send(res, status, body, headers = {}) {
	if (res.headersSent || res.destroyed) return;
	if (body === undefined) {
		res.writeHead(status, headers).end();
		return;
	}
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	res.writeHead(status, {
		'content-type': JSON_TYPE,
		...headers,
		'content-length': String(Buffer.byteLength(text)),
	});
	res.end(text);
}

/**
 * Sends exactly these headers and this text (no default Content-Type).
 * @param {ServerResponse} res @param {number} status @param {Record<string, string | string[]>} headers @param {string} text
 */
function sendRaw(res, status, headers, text) {
	if (res.headersSent || res.destroyed) return;
	res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(text)) });
	res.end(text);
}

/** @param {IncomingMessage} req @returns {Promise<{ rawBody: string, tooLarge: boolean }>} */
function readBody(req) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		req.on('data', (/** @type {Buffer} */ chunk) => {
			size += chunk.length;
			if (size <= MAX_BODY) chunks.push(chunk);
		});
		req.on('end', () => resolve({ rawBody: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY }));
		req.on('error', reject);
	});
}

/** @param {string} search @returns {Record<string, string | string[]>} */
function queryObject(search) {
	/** @type {Record<string, string | string[]>} */
	const out = {};
	for (const [k, v] of new URLSearchParams(search)) {
		const prev = out[k];
		out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
	}
	return out;
}

/** @param {string} raw @returns {{ ok: true, value: unknown } | { ok: false }} */
function parseJson(raw) {
	if (raw.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(raw) };
	} catch {
		return { ok: false };
	}
}

/** @param {string} error @param {string} code */
const err = (error, code) => ({ error, error_code: code });

/**
 * A route's answer with GEN's error body (`more` adds fields after `error_code`).
 * @param {number} status @param {string} error @param {string} code @param {Record<string, unknown>} [more]
 * @returns {{ status: number, body: Record<string, unknown> }}
 */
const fail = (status, error, code, more = {}) => ({ status, body: { error, error_code: code, ...more } });
const notFound = () => fail(404, 'Not found', 'not_found');
/** @param {string} message */
const invalid = (message) => fail(422, message, 'validation_error');
/** GEN's answer to an agent_id that is missing or not one of the user's agents. */
const agentNotFound = () => fail(422, 'Agent not found', 'agent_not_found');

/**
 * The decoded path segments after `/v1`, or undefined when one is not valid percent-encoding
 * (the servers answer that with a 404).
 * @param {string} path
 * @returns {string[] | undefined}
 */
function pathSegments(path) {
	/** @type {string[]} */
	const segments = [];
	for (const raw of path.split('/').slice(2)) {
		try {
			segments.push(decodeURIComponent(raw));
		} catch {
			return undefined;
		}
	}
	return segments;
}

module.exports = { send, sendRaw, readBody, queryObject, parseJson, err, fail, notFound, invalid, agentNotFound, pathSegments };
