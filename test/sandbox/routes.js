// @ts-check
'use strict';

const { toPublicKey } = require('./state');
const { routeContent } = require('./content-routes');
const { fail, notFound, invalid } = require('./util');

/**
 * @typedef {{ status: number, body?: unknown }} ApiResult  `body` undefined = empty (204)
 * @typedef {object} ApiRequest
 * @property {string} method  upper case; HEAD is routed as GET
 * @property {string[]} segments  decoded path segments after `/v1`
 * @property {URLSearchParams} query
 * @property {Record<string, unknown>} body  the parsed JSON object ({} when empty or not an object)
 * @property {import('./state').Store} store
 * @property {'204' | '200'} revokeStyle
 * @property {import('./content').ContentStore} content  engines, templates, organizations, generations
 * @property {string} cdnUrl  origin of the sandbox CDN
 * @property {ReturnType<typeof import('./publishing').createPublishingStore>} [publishing]  posts (`/schedule/…`)
 */

const KEY_NOT_FOUND = () => fail(404, 'API key not found', 'not_found');

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

/**
 * `expires_in`: integer seconds (number or digit string) or a duration like "90d", "12h", "30m", "2w".
 * @param {unknown} value
 * @returns {{ ok: true, expiresAt: string | null } | { ok: false }}
 */
function parseExpiresIn(value) {
	if (value === undefined || value === null) return { ok: true, expiresAt: null };
	let seconds = NaN;
	if (typeof value === 'number') seconds = value;
	else if (typeof value === 'string') {
		const m = /^\s*(\d+)\s*([smhdwy]?)\s*$/i.exec(value);
		if (m) {
			const unit = /** @type {keyof typeof UNIT_SECONDS} */ ((m[2] || 's').toLowerCase());
			seconds = Number(m[1]) * UNIT_SECONDS[unit];
		}
	}
	if (!Number.isSafeInteger(seconds) || seconds <= 0) return { ok: false };
	const at = new Date(Date.now() + seconds * 1000);
	return Number.isNaN(at.getTime()) ? { ok: false } : { ok: true, expiresAt: at.toISOString() };
}

/**
 * Reads a field from `{persisted_token: {field}}` (preferred) or the bare body, as Rails wraps params.
 * @param {Record<string, unknown>} body @param {string} field
 * @returns {{ present: false } | { present: true, value: unknown }}
 */
function readParam(body, field) {
	const nested = body.persisted_token;
	if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
		const v = /** @type {Record<string, unknown>} */ (nested)[field];
		if (v !== undefined && v !== null) return { present: true, value: v };
	}
	const v = body[field];
	return v !== undefined && v !== null ? { present: true, value: v } : { present: false };
}

/**
 * @param {unknown} value
 * @returns {{ ok: true, name: string } | { ok: false, result: ApiResult }}
 */
function validateName(value) {
	if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
	if (typeof value !== 'string') return { ok: false, result: invalid('Name is invalid') };
	if (value.trim() === '') return { ok: false, result: invalid("Name can't be blank") };
	if (value.length > 255) {
		return { ok: false, result: invalid('Name is too long (maximum is 255 characters)') };
	}
	return { ok: true, name: value };
}

/** @param {ApiRequest} req @returns {ApiResult} */
function listKeys({ store }) {
	const now = Date.now();
	return { status: 200, body: store.state.keys.map((k) => toPublicKey(k, now)) };
}

/** @param {ApiRequest} req @returns {ApiResult} */
function createKey({ body, store }) {
	const nameParam = readParam(body, 'name');
	let name = 'API Key';
	if (nameParam.present) {
		const checked = validateName(nameParam.value);
		if (!checked.ok) return checked.result;
		name = checked.name;
	}
	const expiresParam = readParam(body, 'expires_in');
	const expires = parseExpiresIn(expiresParam.present ? expiresParam.value : undefined);
	if (!expires.ok) return invalid('Expires in is invalid');
	const key = store.createKey({ name, expiresAt: expires.expiresAt });
	return { status: 201, body: { ...toPublicKey(key), token: key.token } };
}

/** @param {ApiRequest} req @param {string} id @returns {ApiResult} */
function renameKey({ body, store }, id) {
	const key = store.findKeyById(id);
	if (!key) return KEY_NOT_FOUND();
	const nameParam = readParam(body, 'name');
	const checked = validateName(nameParam.present ? nameParam.value : '');
	if (!checked.ok) return checked.result;
	key.name = checked.name;
	return { status: 200, body: toPublicKey(key) };
}

/** @param {ApiRequest} req @param {string} id @returns {ApiResult} */
function revokeKey({ store, revokeStyle }, id) {
	const key = store.findKeyById(id);
	if (!key) return KEY_NOT_FOUND();
	if (!key.revoked_at) key.revoked_at = new Date().toISOString();
	return revokeStyle === '200' ? { status: 200, body: toPublicKey(key) } : { status: 204 };
}

/** @param {ApiRequest} req @returns {ApiResult} */
function revokeAll({ store }) {
	const now = new Date().toISOString();
	let count = 0;
	for (const key of store.state.keys) {
		if (!key.revoked_at) {
			key.revoked_at = now;
			count++;
		}
	}
	return { status: 200, body: { message: `Successfully revoked ${count} tokens` } };
}

/** @param {ApiRequest} req @returns {ApiResult} */
function listAgents({ query, store }) {
	const ws = query.get('workspace_id');
	const agents = ws ? store.state.agents.filter((a) => a.workspace_id === ws) : store.state.agents;
	return { status: 200, body: agents };
}

/**
 * Routes an authenticated `/v1` request. Only the exact shapes below match; anything else is 404.
 * @param {ApiRequest} req
 * @returns {ApiResult}
 */
function routeApi(req) {
	const { method, segments: s, store } = req;
	const [a, b, c] = s;
	const published = req.publishing?.route(req);
	if (published) return published;
	const contentResult = routeContent(req);
	if (contentResult) return contentResult;
	if (s.length === 1 && a === 'me' && method === 'GET') return { status: 200, body: store.state.user };
	if (s.length === 1 && a === 'workspaces' && method === 'GET') {
		return { status: 200, body: store.state.workspaces };
	}
	if (s.length === 1 && a === 'agents' && method === 'GET') return listAgents(req);
	if (a !== 'persisted_tokens') return notFound();
	if (s.length === 1 && method === 'GET') return listKeys(req);
	if (s.length === 1 && method === 'POST') return createKey(req);
	if (s.length === 2 && b === 'revoke_all' && method === 'DELETE') return revokeAll(req);
	if (s.length === 2 && method === 'PATCH') return renameKey(req, b);
	if (s.length === 3 && c === 'revoke' && method === 'DELETE') return revokeKey(req, b);
	return notFound();
}

module.exports = { routeApi };
