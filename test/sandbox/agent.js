// @ts-check
'use strict';

/**
 * The sandbox's stand-in for GEN's agent host (agent.gen.pro/v1): a second HTTP server on its own
 * port, with its own request log and faults, taking the same keys as the main API. Its routes and
 * state are agent-routes.js. A POST with the same `idempotency_key` gets the first answer again.
 */

const http = require('node:http');
const { createFaultQueue } = require('./faults');
const { send, readBody, parseJson, err, pathSegments } = require('./util');
const { splitTarget, recordOf, objectBody, sendFault, listen, closer } = require('./http-host');
const { createAgentState, route, checkedOutcome } = require('./agent-routes');

/**
 * @param {{ host: string, port?: number, authed: (headers: import('node:http').IncomingHttpHeaders) => boolean }} options
 */
async function startAgentHost({ host, port = 0, authed }) {
	/** @type {import('./server').RecordedRequest[]} */
	const requests = [];
	const faults = createFaultQueue();
	let state = createAgentState();

	/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
	async function handle(req, res) {
		const url = req.url ?? '/';
		const { path, search } = splitTarget(url);
		const method = (req.method ?? 'GET').toUpperCase();
		const { rawBody } = await readBody(req);
		const parsed = parseJson(rawBody);
		requests.push(recordOf(req, method, url, rawBody, parsed));
		const fault = faults.take(method, path);
		if (fault?.destroy) return void req.socket.destroy();
		if (fault?.status !== undefined && !fault.serve) return sendFault(res, fault);
		if (!path.startsWith('/v1/')) return send(res, 404, err('Not found', 'not_found'));
		if (!authed(req.headers)) return send(res, 401, { code: 'unauthorized', message: 'Invalid or missing API key', errors: [], retryable: false });
		if (!parsed.ok) return send(res, 400, err('Invalid JSON', 'bad_request'));
		const segments = pathSegments(path);
		if (!segments) return send(res, 404, err('Not found', 'not_found'));
		const body = objectBody(parsed.value);
		const key = method === 'POST' && typeof body.idempotency_key === 'string' ? `${path} ${body.idempotency_key}` : undefined;
		const replay = key ? state.replays.get(key) : undefined;
		const result = replay ?? route(state, { method, segments, query: new URLSearchParams(search), body });
		if (key && !replay && result.status < 300) state.replays.set(key, result);
		// A "lost answer": GEN did the work, the client sees the fault.
		if (fault?.status !== undefined) return sendFault(res, fault);
		return send(res, result.status, result.body);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((/** @type {unknown} */ e) => send(res, 500, err(`Sandbox error: ${String(e)}`, 'sandbox_error')));
	});
	const address = await listen(server, port, host);
	return {
		url: address.origin,
		baseUrl: `${address.origin}/v1`,
		port: address.port,
		requests,
		get state() {
			return state;
		},
		clearRequests: () => void (requests.length = 0),
		reset() {
			state = createAgentState();
			faults.clear();
			requests.length = 0;
		},
		fault: (/** @type {import('./faults').Fault} */ f) => void faults.add(f),
		/** How jobs started from now on end: after `polls` polls, as `ending`. */
		setJobOutcome: (/** @type {unknown} */ outcome) => void (state.jobOutcome = checkedOutcome(outcome)),
		/** How chat runs started from now on end. */
		setRunOutcome: (/** @type {unknown} */ outcome) => void (state.runOutcome = checkedOutcome(outcome)),
		/** How many times a job or run was polled. */
		polls: (/** @type {string} */ id) => (state.jobs.get(id) ?? state.runs.get(id))?.polls ?? 0,
		close: closer(server),
	};
}

module.exports = { startAgentHost };
