// @ts-check
'use strict';

const http = require('node:http');
const seed = require('./seed');
const { seedIds } = require('./content-seed');
const { createStore } = require('./state');
const { createFaultQueue, faultResponse } = require('./faults');
const { routeApi } = require('./routes');
const { presentGeneration } = require('./content-presenters');
const { handleControl } = require('./control');
const { createContentStore } = require('./content');
const { startCdn } = require('./cdn');
const { startAgentHost } = require('./agent');
const { startUploads } = require('./uploads');
const { createIdempotencyStore } = require('./idempotency');
const { createPublishingStore } = require('./publishing');
const { send, sendRaw, readBody, queryObject, parseJson, err, pathSegments } = require('./util');

/**
 * @typedef {object} SandboxOptions
 * @property {number} [port]  0 (default) = a free port
 * @property {string} [host]  default '127.0.0.1'
 * @property {number} [latencyMs]  delay before every API answer (default 0)
 * @property {number} [extraKeys]  append N generated active keys (ids 1001..)
 * @property {'204' | '200'} [revokeStyle]  default '204'
 * @property {number} [generationMs]  how long a generation takes: pending for the first quarter, then
 *   processing, then completed (default 0: completed at the first poll)
 * @property {boolean} [credits]  false = every /v1/vidsheet… request answers 422
 *   usable_gen_credit_required (default true)
 * @property {number} [cdnPort]  port of the CDN server (default 0 = a free port)
 * @property {number} [agentPort]  port of the agent host (default 0 = a free port)
 *
 * @typedef {object} SeedIds  ids of the seeded content (see README "Seed")
 * @property {string} agentId  'agent_1'
 * @property {string} organizationId  'ws_1'
 * @property {number} engineId  101
 * @property {{ hook: number, script: number, voiceover: number, finalVideo: number }} columns
 * @property {readonly number[]} rows
 * @property {(row: number, column: number) => number} cellId  row 1-4, column 1-4 (Hook, Script, Voiceover, Final Video)
 * @property {readonly number[]} emptyScriptCells
 * @property {string[]} templateSlugs  in list order
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
 * @property {import('./state').SandboxState & { content: import('./content').ContentStore['state'] }} state  live
 *   state (keys carry `token` and a live `status`; `content` holds engines, generations, organizations, templates)
 * @property {() => void} clearRequests
 * @property {() => void} reset  restore seed, clear faults and requests, restore initial latency and revoke style
 * @property {(fault: import('./faults').Fault) => void} fault  queue a fault (throws TypeError when invalid)
 * @property {() => import('./faults').Fault[]} pendingFaults  faults still queued (times -1 = always)
 * @property {() => void} clearFaults
 * @property {(ms: number) => void} setLatency
 * @property {(style: '204' | '200') => void} setRevokeStyle
 * @property {() => Promise<void>} close  stops listening (API and CDN) and drops keep-alive sockets
 * @property {import('./cdn').Cdn} cdn  the CDN server: `url`, `port`, `requests`, `clearRequests()`
 * @property {Awaited<ReturnType<typeof startAgentHost>>} agent  the agent host (agent.gen.pro): its own `baseUrl`, `requests`, `fault()`
 * @property {SeedIds} seed
 * @property {ReturnType<typeof createPublishingStore>} publishing  posts: `failPlatform(platform)`, `rejectNext({platform, field, error})`, `posts()`, `polls(id)`
 * @property {Awaited<ReturnType<typeof startUploads>>} uploads  content resources and the signed-upload storage host
 * @property {(enabled: boolean) => void} setCredits  false = /vidsheet… answers 422 usable_gen_credit_required
 * @property {(ms: number) => void} setGenerationMs  for generations started from now on
 * @property {(shape: Partial<import('./content').SheetShape>) => void} setSheetShape  how sheets name their parts
 * @property {() => string[]} idempotencyKeys  keys of the POSTs done
 * @property {(outcome: import('./generations').GenerationOutcome) => void} generationOutcome  how the next (matching)
 *   generation(s), or one by id, end: 'completed' | 'failed' | 'stopped' | 'never'
 * @property {() => import('./generations').GenerationOutcome[]} pendingGenerationOutcomes
 * @property {() => void} clearGenerationOutcomes
 * @property {(id: number | string) => number} generationPolls  GET /v1/generations/{id} count (0 when unknown)
 * @property {(id: number | string) => ReturnType<typeof presentGeneration> | undefined} generation  as GET /v1/generations/{id} shows it (not counted as a poll)
 * @property {() => void} settle  apply finished generations to their cells now (requests do it anyway)
 * @property {number} inFlight  API requests being handled right now (read-only)
 * @property {number} peakInFlight  most API requests handled at once since start / resetPeak / reset (read-only)
 * @property {() => void} resetPeak  peakInFlight = inFlight
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
	const initialGenerationMs = checkMs(options.generationMs ?? 0, 'generationMs');
	const cdn = await startCdn({ host, port: options.cdnPort ?? 0 });
	const agent = await startAgentHost({
		host,
		port: options.agentPort ?? 0,
		// The same keys as the main API: GEN's agent host takes them too.
		authed: (headers) => {
			const apiKey = headers['x-api-key'];
			const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
			return Boolean((typeof apiKey === 'string' && store.findActiveKey(apiKey)) || bearer === seed.SANDBOX_JWT);
		},
	});
	const uploads = await startUploads({ host });
	const content = createContentStore({ cdnUrl: cdn.url, generationMs: initialGenerationMs, credits: options.credits ?? true });
	let inFlight = 0;
	let peakInFlight = 0;
	const faults = createFaultQueue();
	const idempotency = createIdempotencyStore();
	const publishing = createPublishingStore();
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
		const url = req.url ?? '/';
		const q = url.indexOf('?');
		const path = q < 0 ? url : url.slice(0, q);
		const method = (req.method ?? 'GET').toUpperCase();
		const isControl = path === '/__sandbox' || path.startsWith('/__sandbox/');
		if (!isControl) {
			inFlight += 1;
			if (inFlight > peakInFlight) peakInFlight = inFlight;
			res.once('close', () => void (inFlight -= 1));
		}
		const { rawBody, tooLarge } = await readBody(req);
		const parsed = parseJson(rawBody);

		if (isControl) {
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
		/** The fault's answer, sent instead of the request's own. */
		const faultAnswer = () => {
			const answer = faultResponse({ ...fault, status: /** @type {number} */ (fault?.status) });
			return sendRaw(res, answer.status, answer.headers, answer.body);
		};
		if (fault?.status !== undefined && !fault.serve) return faultAnswer();

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

		const segments = pathSegments(path);
		if (!segments) return send(res, 404, err('Not found', 'not_found'));
		const value = parsed.value;
		const body = value && typeof value === 'object' && !Array.isArray(value) ? /** @type {Record<string, unknown>} */ (value) : {};
		const serve = () =>
			uploads.route({ method: method === 'HEAD' ? 'GET' : method, segments, query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)), body, cdnUrl: cdn.url }) ??
			routeApi({
				method: method === 'HEAD' ? 'GET' : method,
				segments,
				query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
				body,
				store,
				revokeStyle,
				content,
				cdnUrl: cdn.url,
				publishing,
			});
		const result = idempotency.answer({ method, path, headers: req.headers, body }, serve);
		// A "lost answer": GEN did the work, the client sees the fault.
		if (fault?.status !== undefined) return faultAnswer();
		return send(res, result.status, result.body);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((/** @type {unknown} */ e) => {
			console.error('[gen-sandbox] handler error', e);
			send(res, 500, err(`Sandbox error: ${e instanceof Error ? e.message : String(e)}`, 'sandbox_error'));
		});
	});

	await new Promise((resolve, reject) => {
		server.once('error', (/** @type {Error} */ e) => {
			Promise.all([cdn.close(), agent.close()]).then(() => reject(e), () => reject(e));
		});
		server.listen(options.port ?? 0, host, () => {
			server.removeAllListeners('error');
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
		state: Object.assign(store.state, { content: content.state }),
		clearRequests: () => void (requests.length = 0),
		reset() {
			store.reset();
			content.reset();
			faults.clear();
			idempotency.clear();
			publishing.reset();
			latencyMs = initialLatency;
			revokeStyle = initialRevokeStyle;
			requests.length = 0;
			cdn.clearRequests();
			agent.reset();
			uploads.reset();
			peakInFlight = inFlight;
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
			closing ??= Promise.all([
				new Promise((resolve) => {
					for (const t of timers) clearTimeout(t);
					timers.clear();
					server.close(() => resolve(undefined));
					server.closeAllConnections();
				}),
				cdn.close(),
				agent.close(),
				uploads.close(),
			]).then(() => undefined);
			return closing;
		},
		cdn,
		agent,
		uploads,
		publishing,
		seed: seedIds(),
		setCredits(enabled) {
			if (typeof enabled !== 'boolean') throw new TypeError('credits must be true or false');
			content.state.creditsEnabled = enabled;
		},
		setSheetShape(shape) {
			content.state.sheetShape = { ...content.state.sheetShape, ...shape };
		},
		idempotencyKeys: () => idempotency.keys(),
		setGenerationMs(ms) {
			content.state.generationMs = checkMs(ms, 'generationMs');
		},
		generationOutcome: (outcome) => content.setOutcome(outcome),
		pendingGenerationOutcomes: () => content.pendingOutcomes(),
		clearGenerationOutcomes: () => content.clearOutcomes(),
		generationPolls: (id) => content.findGeneration(String(id))?.polls ?? 0,
		generation(id) {
			content.settle();
			const g = content.findGeneration(String(id));
			return g && presentGeneration(content, g, Date.now());
		},
		settle: () => content.settle(),
		get inFlight() {
			return inFlight;
		},
		get peakInFlight() {
			return peakInFlight;
		},
		resetPeak() {
			peakInFlight = inFlight;
		},
	};
	return sandbox;
}

/** @param {unknown} ms @param {string} name @returns {number} */
function checkMs(ms, name) {
	if (typeof ms !== 'number' || !(ms >= 0) || ms === Infinity) throw new TypeError(`${name} must be a finite number >= 0`);
	return ms;
}

module.exports = { startSandbox };
