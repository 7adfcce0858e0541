// @ts-check
'use strict';

const http = require('node:http');
const seed = require('./seed');
const { seedIds } = require('./content-seed');
const { createStore } = require('./state');
const { createFaultQueue } = require('./faults');
const { routeApi } = require('./routes');
const { presentGeneration } = require('./content-presenters');
const { handleControl } = require('./control');
const { createContentStore } = require('./content');
const { startCdn } = require('./cdn');
const { startAgentHost } = require('./agent');
const { startUploads } = require('./uploads');
const { createIdempotencyStore } = require('./idempotency');
const { createPublishingStore } = require('./publishing');
const { send, readBody, parseJson, err, pathSegments } = require('./util');
const { splitTarget, recordOf, objectBody, sendFault, listen, closer } = require('./http-host');

/**
 * The types are server.d.ts's (what the TypeScript tests see).
 * @typedef {import('./server').SandboxOptions} SandboxOptions
 * @typedef {import('./server').Sandbox} Sandbox
 * @typedef {import('./server').RecordedRequest} RecordedRequest
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
	/** An active key's X-API-Key, or the sandbox's JWT as a Bearer token. @param {http.IncomingHttpHeaders} headers */
	const authed = (headers) => {
		const apiKey = headers['x-api-key'];
		const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
		return Boolean((typeof apiKey === 'string' && store.findActiveKey(apiKey)) || bearer === seed.SANDBOX_JWT);
	};
	// The same keys as the main API: GEN's agent host takes them too.
	const agent = await startAgentHost({ host, port: options.agentPort ?? 0, authed });
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
		const { path, search } = splitTarget(url);
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

		requests.push(recordOf(req, method, url, rawBody, parsed));

		const fault = faults.take(method, path);
		const delay = latencyMs + (fault?.delayMs ?? 0);
		if (delay > 0) await sleep(delay);
		if (fault?.destroy) return void req.socket.destroy();
		if (fault?.status !== undefined && !fault.serve) return sendFault(res, fault);

		if (path !== '/v1' && !path.startsWith('/v1/')) return send(res, 404, err('Not found', 'not_found'));
		if (!authed(req.headers)) return send(res, 401, err('Invalid or missing API key', 'unauthorized'));

		if (tooLarge) return send(res, 413, err('Request body too large', 'bad_request'));
		const contentType = String(req.headers['content-type'] ?? '');
		if (rawBody.trim() !== '' && contentType !== '' && !/json/i.test(contentType)) {
			return send(res, 415, err('Content-Type must be application/json', 'bad_request'));
		}
		if (!parsed.ok) return send(res, 400, err('Invalid JSON', 'bad_request'));

		const segments = pathSegments(path);
		if (!segments) return send(res, 404, err('Not found', 'not_found'));
		const body = objectBody(parsed.value);
		const routed = { method: method === 'HEAD' ? 'GET' : method, segments, body, cdnUrl: cdn.url };
		const serve = () =>
			uploads.route({ ...routed, query: new URLSearchParams(search) }) ??
			routeApi({ ...routed, query: new URLSearchParams(search), store, revokeStyle, content, publishing });
		const result = idempotency.answer({ method, path, headers: req.headers, body }, serve);
		// A "lost answer": GEN did the work, the client sees the fault.
		if (fault?.status !== undefined) return sendFault(res, fault);
		return send(res, result.status, result.body);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((/** @type {unknown} */ e) => {
			console.error('[gen-sandbox] handler error', e);
			send(res, 500, err(`Sandbox error: ${e instanceof Error ? e.message : String(e)}`, 'sandbox_error'));
		});
	});

	const address = await listen(server, options.port ?? 0, host).catch(async (/** @type {unknown} */ e) => {
		await Promise.all([cdn.close(), agent.close(), uploads.close()]).catch(() => undefined);
		throw e;
	});
	const origin = address.origin;
	const closeServer = closer(server, () => {
		for (const t of timers) clearTimeout(t);
		timers.clear();
	});

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
			closing ??= Promise.all([closeServer(), cdn.close(), agent.close(), uploads.close()]).then(() => undefined);
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
