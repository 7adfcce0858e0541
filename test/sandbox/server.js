// @ts-check
'use strict';

const http = require('node:http');
const seed = require('./seed');
const { createStore } = require('./state');
const { createFaultQueue, faultResponse } = require('./faults');
const { routeApi } = require('./routes');
const { handleControl } = require('./control');
const { send, readBody, queryObject, parseJson, err } = require('./util');

/**
 * @typedef {object} SandboxOptions
 * @property {number} [port]  0 (default) = a free port
 * @property {string} [host]  default '127.0.0.1'
 * @property {number} [latencyMs]  delay before every API answer (default 0)
 * @property {number} [extraKeys]  append N generated active keys (ids 1001..)
 * @property {'204' | '200'} [revokeStyle]  default '204'
 *
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path  raw path without the query
 * @property {Record<string, string | string[]>} query  repeated parameters become arrays
 * @property {string} url  raw request target as received, query included
 * @property {import('node:http').IncomingHttpHeaders} headers  lower-case names
 * @property {unknown} body  parsed JSON, the raw string when not JSON, undefined when empty
 * @property {string} rawBody
 *
 * @typedef {object} Sandbox
 * @property {string} url  e.g. 'http://127.0.0.1:4010'
 * @property {string} baseUrl  url + '/v1'
 * @property {number} port
 * @property {string} apiKey  token of key 1 (active)
 * @property {string} jwt  accepted as `Authorization: Bearer <jwt>`
 * @property {RecordedRequest[]} requests  in arrival order; the same array for the sandbox's life
 * @property {import('./state').SandboxState} state  live state (keys carry `token` and a live `status`)
 * @property {() => void} clearRequests
 * @property {() => void} reset  restore seed, clear faults and requests, restore initial latency and revoke style
 * @property {(fault: import('./faults').Fault) => void} fault  queue a fault (throws TypeError when invalid)
 * @property {() => import('./faults').Fault[]} pendingFaults  faults still queued (times -1 = always)
 * @property {() => void} clearFaults
 * @property {(ms: number) => void} setLatency
 * @property {(style: '204' | '200') => void} setRevokeStyle
 * @property {() => Promise<void>} close  stops listening and drops keep-alive sockets
 */

/**
 * Starts a stateful GEN API test double.
 * @param {SandboxOptions} [options]
 * @returns {Promise<Sandbox>}
 */
async function startSandbox(options = {}) {
	const host = options.host ?? '127.0.0.1';
	const initialLatency = options.latencyMs ?? 0;
	const initialRevokeStyle = options.revokeStyle ?? '204';
	const store = createStore({ extraKeys: options.extraKeys ?? 0 });
	const faults = createFaultQueue();
	/** @type {RecordedRequest[]} */
	const requests = [];
	let latencyMs = initialLatency;
	let revokeStyle = initialRevokeStyle;
	/** @type {Set<NodeJS.Timeout>} */
	const timers = new Set();

	/** @param {number} ms @returns {Promise<void>} */
	const sleep = (ms) =>
		new Promise((resolve) => {
			const t = setTimeout(() => {
				timers.delete(t);
				resolve();
			}, ms);
			timers.add(t);
		});

	/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
	async function handle(req, res) {
		const { rawBody, tooLarge } = await readBody(req);
		const url = req.url ?? '/';
		const q = url.indexOf('?');
		const path = q < 0 ? url : url.slice(0, q);
		const method = (req.method ?? 'GET').toUpperCase();
		const parsed = parseJson(rawBody);

		if (path === '/__sandbox' || path.startsWith('/__sandbox/')) {
			if (!parsed.ok) return send(res, 400, err('Invalid JSON', 'bad_request'));
			const result = handleControl(sandbox, method, path, parsed.value);
			return send(res, result.status, result.body);
		}

		requests.push({
			method,
			path,
			query: queryObject(q < 0 ? '' : url.slice(q + 1)),
			url,
			headers: { ...req.headers },
			body: rawBody === '' ? undefined : parsed.ok ? parsed.value : rawBody,
			rawBody,
		});

		const fault = faults.take(method, path);
		const delay = latencyMs + (fault?.delayMs ?? 0);
		if (delay > 0) await sleep(delay);
		if (fault?.destroy) return void req.socket.destroy();
		if (fault?.status !== undefined) {
			const answer = faultResponse({ ...fault, status: fault.status });
			return send(res, answer.status, answer.body, answer.headers);
		}

		if (path !== '/v1' && !path.startsWith('/v1/')) return send(res, 404, err('Not found', 'not_found'));
		const apiKey = req.headers['x-api-key'];
		const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
		const authed = (typeof apiKey === 'string' && store.findActiveKey(apiKey)) || bearer === seed.SANDBOX_JWT;
		if (!authed) return send(res, 401, err('Invalid or missing API key', 'unauthorized'));

		if (tooLarge) return send(res, 413, err('Request body too large', 'bad_request'));
		const contentType = String(req.headers['content-type'] ?? '');
		if (rawBody.trim() !== '' && contentType !== '' && !/json/i.test(contentType)) {
			return send(res, 415, err('Content-Type must be application/json', 'bad_request'));
		}
		if (!parsed.ok) return send(res, 400, err('Invalid JSON', 'bad_request'));

		/** @type {string[]} */
		const segments = [];
		for (const raw of path.split('/').slice(2)) {
			try {
				segments.push(decodeURIComponent(raw));
			} catch {
				return send(res, 404, err('Not found', 'not_found'));
			}
		}
		const value = parsed.value;
		const body = value && typeof value === 'object' && !Array.isArray(value) ? /** @type {Record<string, unknown>} */ (value) : {};
		const result = routeApi({
			method: method === 'HEAD' ? 'GET' : method,
			segments,
			query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
			body,
			store,
			revokeStyle,
		});
		return send(res, result.status, result.body);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((/** @type {unknown} */ e) => {
			console.error('[gen-sandbox] handler error', e);
			send(res, 500, err(`Sandbox error: ${e instanceof Error ? e.message : String(e)}`, 'sandbox_error'));
		});
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

	/** @type {Promise<void> | undefined} */
	let closing;

	/** @type {Sandbox} */
	const sandbox = {
		url: origin,
		baseUrl: `${origin}/v1`,
		port: address.port,
		apiKey: seed.SANDBOX_API_KEY,
		jwt: seed.SANDBOX_JWT,
		requests,
		state: store.state,
		clearRequests: () => void (requests.length = 0),
		reset() {
			store.reset();
			faults.clear();
			latencyMs = initialLatency;
			revokeStyle = initialRevokeStyle;
			requests.length = 0;
		},
		fault: (f) => void faults.add(f),
		pendingFaults: () => faults.list(),
		clearFaults: () => faults.clear(),
		setLatency(ms) {
			if (typeof ms !== 'number' || !(ms >= 0)) throw new TypeError('latency must be a number >= 0');
			latencyMs = ms;
		},
		setRevokeStyle(style) {
			const s = String(style);
			if (s !== '204' && s !== '200') throw new TypeError("revoke style must be '204' or '200'");
			revokeStyle = s;
		},
		close() {
			closing ??= new Promise((resolve) => {
				for (const t of timers) clearTimeout(t);
				timers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		},
	};
	return sandbox;
}

module.exports = { startSandbox };
