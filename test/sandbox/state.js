// @ts-check
'use strict';

const crypto = require('node:crypto');
const seed = require('./seed');

/**
 * @typedef {import('./seed').KeyRecord} KeyRecord
 * @typedef {'active' | 'expired' | 'revoked'} KeyStatus
 * @typedef {KeyRecord & { readonly status: KeyStatus }} StoredKey  a key record with a live, derived `status`
 * @typedef {object} SandboxState
 * @property {import('./seed').User} user
 * @property {StoredKey[]} keys
 * @property {import('./seed').Workspace[]} workspaces
 * @property {import('./seed').Agent[]} agents
 * @typedef {{ id: number, name: string, token_type: string, created_at: string, expires_at: string | null,
 *   last_used_at: string | null, revoked_at: string | null, status: KeyStatus }} PublicKey
 */

/**
 * revoked if revoked_at, expired if expires_at is in the past, else active.
 * @param {KeyRecord} key @param {number} [nowMs]
 * @returns {KeyStatus}
 */
function keyStatus(key, nowMs = Date.now()) {
	if (key.revoked_at) return 'revoked';
	if (key.expires_at && Date.parse(key.expires_at) < nowMs) return 'expired';
	return 'active';
}

/**
 * The key object the API returns (no `token`).
 * @param {KeyRecord} key @param {number} [nowMs]
 * @returns {PublicKey}
 */
function toPublicKey(key, nowMs = Date.now()) {
	return {
		id: key.id,
		name: key.name,
		token_type: key.token_type,
		created_at: key.created_at,
		expires_at: key.expires_at,
		last_used_at: key.last_used_at,
		revoked_at: key.revoked_at,
		status: keyStatus(key, nowMs),
	};
}

/**
 * Adds an enumerable `status` getter so `sandbox.state.keys[i].status` and JSON dumps stay current.
 * @param {KeyRecord} record
 * @returns {StoredKey}
 */
function withStatus(record) {
	Object.defineProperty(record, 'status', {
		enumerable: true,
		configurable: true,
		get() {
			return keyStatus(this);
		},
	});
	return /** @type {StoredKey} */ (record);
}

/**
 * The sandbox's live data plus token and id indexes.
 * @param {{ extraKeys?: number }} [options]
 */
function createStore(options = {}) {
	const extraKeys = options.extraKeys ?? 0;
	/** @type {SandboxState} */
	const state = { user: { ...seed.USER }, keys: [], workspaces: [], agents: [] };
	/** @type {Map<string, StoredKey>} */
	const byToken = new Map();
	/** @type {Map<string, StoredKey>} */
	const byId = new Map();

	/** @param {KeyRecord} record */
	function index(record) {
		const stored = withStatus(record);
		state.keys.push(stored);
		byToken.set(stored.token, stored);
		byId.set(String(stored.id), stored);
		return stored;
	}

	/** Restores the seed in place (the same `state` object and arrays stay valid). */
	function reset() {
		state.user = { ...seed.USER };
		state.keys.length = 0;
		byToken.clear();
		byId.clear();
		for (const record of seed.seedKeys()) index(record);
		for (const record of seed.makeBulkKeys(extraKeys)) index(record);
		state.workspaces.splice(0, Infinity, ...seed.WORKSPACES.map((w) => ({ ...w })));
		state.agents.splice(0, Infinity, ...seed.AGENTS.map((a) => ({ ...a })));
	}

	/**
	 * @param {{ name: string, expiresAt: string | null }} input
	 * @returns {StoredKey}
	 */
	function createKey({ name, expiresAt }) {
		let maxId = 0;
		for (const k of state.keys) if (k.id > maxId) maxId = k.id;
		return index({
			id: maxId + 1,
			name,
			token_type: 'personal_access_token',
			created_at: new Date().toISOString(),
			expires_at: expiresAt,
			last_used_at: null,
			revoked_at: null,
			token: `gen_pat_${crypto.randomBytes(20).toString('hex')}`,
		});
	}

	reset();
	return {
		state,
		reset,
		createKey,
		/** @param {string} segment decoded path segment; matches only the exact decimal id */
		findKeyById: (segment) => byId.get(segment),
		/** @param {string | undefined} token @returns {StoredKey | undefined} an active key only */
		findActiveKey(token) {
			const found = token ? byToken.get(token) : undefined;
			return found && keyStatus(found) === 'active' ? found : undefined;
		},
	};
}

/** @typedef {ReturnType<typeof createStore>} Store */

module.exports = { createStore, toPublicKey };
