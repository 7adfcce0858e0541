// @ts-check
'use strict';

const { markReplay } = require('./publishing');

/**
 * GEN's idempotency keys: a POST that carries one (`Idempotency-Key` header, or `idempotency_key`
 * in the body where GEN reads it there, as Generation > Continue) is done once; the same key with
 * the same request answers the first answer again, the same key with another request is a 409
 * `idempotency_conflict` (the guide "Work with a Vidsheet").
 *
 * @typedef {{ method: string, path: string, headers: import('node:http').IncomingHttpHeaders, body: Record<string, unknown> }} KeyedRequest
 * @typedef {{ status: number, body?: unknown }} Answer
 */

function createIdempotencyStore() {
	/** @type {Map<string, { request: string, answer: Answer }>} */
	const done = new Map();
	return {
		/**
		 * @param {KeyedRequest} req
		 * @param {() => Answer} serve
		 * @returns {Answer}
		 */
		answer(req, serve) {
			const header = req.headers['idempotency-key'];
			const key = typeof header === 'string' ? header : req.body.idempotency_key;
			if (req.method !== 'POST' || typeof key !== 'string' || key === '') return serve();
			const { idempotency_key: _key, ...rest } = req.body;
			const request = `${req.method} ${req.path} ${JSON.stringify(rest)}`;
			const earlier = done.get(key);
			if (earlier && earlier.request !== request) {
				return {
					status: 409,
					body: {
						code: 'idempotency_conflict',
						message: 'This idempotency key was used with a different request',
						retryable: false,
					},
				};
			}
			// GEN's publishing says a replayed post is one (`idempotent_replay: true`).
			if (earlier) return req.path.endsWith('/schedule/with-post') ? markReplay(earlier.answer) : earlier.answer;
			const answer = serve();
			// Only what GEN did is remembered: a refused request may be sent again with the same key,
			// and so may a pending one (202: nothing applied yet).
			if (answer.status < 300 && answer.status !== 202) done.set(key, { request, answer });
			return answer;
		},
		/** Keys seen so far (for tests). */
		keys: () => [...done.keys()],
		clear: () => done.clear(),
	};
}

module.exports = { createIdempotencyStore };
