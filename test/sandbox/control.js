// @ts-check
'use strict';

/**
 * HTTP control endpoints under `/__sandbox/` (no auth, never recorded), for tests that drive a
 * sandbox running in another process.
 *
 * @typedef {{ status: number, body?: unknown }} ControlResult
 */

/** @param {number} status @param {string} error @returns {ControlResult} */
const fail = (status, error) => ({ status, body: { error, error_code: 'sandbox_control_error' } });

/**
 * @param {import('./server').Sandbox} sandbox
 * @param {string} method
 * @param {string} path  the path without query
 * @param {unknown} body  parsed JSON body (undefined when empty)
 * @returns {ControlResult}
 */
function handleControl(sandbox, method, path, body) {
	const route = `${method} ${path.replace(/\/+$/, '')}`;
	const input = body && typeof body === 'object' ? /** @type {Record<string, unknown>} */ (body) : {};
	try {
		sandbox.settle();
		switch (route) {
			case 'GET /__sandbox/info':
				return {
					status: 200,
					body: {
						url: sandbox.url,
						baseUrl: sandbox.baseUrl,
						apiKey: sandbox.apiKey,
						jwt: sandbox.jwt,
						cdnUrl: sandbox.cdn.url,
						seed: { ...sandbox.seed, cellId: undefined },
					},
				};
			case 'GET /__sandbox/requests':
				return { status: 200, body: sandbox.requests };
			case 'DELETE /__sandbox/requests':
				sandbox.clearRequests();
				return { status: 200, body: { ok: true } };
			case 'POST /__sandbox/reset':
				sandbox.reset();
				return { status: 200, body: { ok: true } };
			case 'GET /__sandbox/state':
				return { status: 200, body: sandbox.state };
			case 'GET /__sandbox/faults':
				return { status: 200, body: sandbox.pendingFaults() };
			case 'POST /__sandbox/faults':
				sandbox.fault(/** @type {import('./faults').Fault} */ (body));
				return { status: 201, body: { ok: true, pending: sandbox.pendingFaults() } };
			case 'DELETE /__sandbox/faults':
				sandbox.clearFaults();
				return { status: 200, body: { ok: true } };
			case 'POST /__sandbox/latency':
				sandbox.setLatency(/** @type {number} */ (input.ms));
				return { status: 200, body: { ok: true, ms: input.ms } };
			case 'POST /__sandbox/revoke-style':
				sandbox.setRevokeStyle(/** @type {'204' | '200'} */ (String(input.style)));
				return { status: 200, body: { ok: true, style: String(input.style) } };
			case 'POST /__sandbox/credits':
				sandbox.setCredits(/** @type {boolean} */ (input.enabled));
				return { status: 200, body: { ok: true, enabled: input.enabled } };
			case 'POST /__sandbox/generation-ms':
				sandbox.setGenerationMs(/** @type {number} */ (input.ms));
				return { status: 200, body: { ok: true, ms: input.ms } };
			case 'GET /__sandbox/generation-outcomes':
				return { status: 200, body: sandbox.pendingGenerationOutcomes() };
			case 'POST /__sandbox/generation-outcomes':
				sandbox.generationOutcome(/** @type {import('./generations').GenerationOutcome} */ (body));
				return { status: 201, body: { ok: true, pending: sandbox.pendingGenerationOutcomes() } };
			case 'DELETE /__sandbox/generation-outcomes':
				sandbox.clearGenerationOutcomes();
				return { status: 200, body: { ok: true } };
			case 'GET /__sandbox/generations':
				return {
					status: 200,
					body: sandbox.state.content.generations.map((g) => ({ ...sandbox.generation(g.id), polls: g.polls })),
				};
			case 'GET /__sandbox/in-flight':
				return { status: 200, body: { inFlight: sandbox.inFlight, peakInFlight: sandbox.peakInFlight } };
			case 'DELETE /__sandbox/in-flight':
				sandbox.resetPeak();
				return { status: 200, body: { ok: true } };
			case 'POST /__sandbox/publishing/fail':
				sandbox.publishing.failPlatform(/** @type {import('./server').PublishPlatform} */ (String(input.platform)), /** @type {any} */ (input.failure ?? {}));
				return { status: 200, body: { ok: true } };
			case 'POST /__sandbox/publishing/reject':
				sandbox.publishing.rejectNext(/** @type {any} */ (body));
				return { status: 200, body: { ok: true } };
			case 'GET /__sandbox/publishing/posts':
				return { status: 200, body: sandbox.publishing.posts() };
			case 'GET /__sandbox/cdn/requests':
				return { status: 200, body: sandbox.cdn.requests };
			case 'DELETE /__sandbox/cdn/requests':
				sandbox.cdn.clearRequests();
				return { status: 200, body: { ok: true } };
			default:
				return fail(404, `Unknown sandbox control endpoint: ${route}`);
		}
	} catch (err) {
		return fail(400, err instanceof Error ? err.message : String(err));
	}
}

module.exports = { handleControl };
