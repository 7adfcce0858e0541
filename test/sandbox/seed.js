// @ts-check
'use strict';

/**
 * Account seed for the GEN API sandbox: one user, six API keys in every state, two workspaces and
 * four agents (the content seed is content-seed.js). Pure data; server state is built from copies.
 */

/**
 * @typedef {object} KeyRecord  An API key as the sandbox stores it (the API never returns `token`).
 * @property {number} id
 * @property {string} name
 * @property {string} token_type
 * @property {string} created_at
 * @property {string | null} expires_at
 * @property {string | null} last_used_at
 * @property {string | null} revoked_at
 * @property {string} token  the secret `gen_pat_…` value sent as `X-API-Key`
 *
 * @typedef {{ id: string, email: string, name: string, username: string, created_at: string }} User
 * @typedef {{ id: string, name: string }} Workspace
 * @typedef {{ id: string, name: string, description: string | null, workspace_id: string,
 *   organization_id: string, time_zone: string | null, role: string }} Agent
 */

/** The valid API key token (key id 1, active). */
const SANDBOX_API_KEY = 'gen_pat_sandbox_0123456789abcdef';

/** @param {object} value */
const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A fixed, opaque three-part JWT accepted as `Authorization: Bearer <jwt>`. */
const SANDBOX_JWT = [
	b64url({ alg: 'HS256', typ: 'JWT' }),
	b64url({ sub: 'user_abc123', iss: 'gen-sandbox', iat: 1767607200, exp: 4102444800 }),
	Buffer.from('gen-sandbox-signature').toString('base64url'),
].join('.');

/** @type {User} */
const USER = {
	id: 'user_abc123',
	email: 'you@example.com',
	name: 'Sandbox User',
	username: 'sandbox',
	created_at: '2026-01-05T10:00:00.000Z',
};

/** @type {Workspace[]} */
const WORKSPACES = [
	{ id: 'ws_1', name: 'Marketing' },
	{ id: 'ws_2', name: 'Sales' },
];

/**
 * @param {string} id @param {string} name @param {string} ws @param {string | null} description
 * @returns {Agent}
 */
const agent = (id, name, ws, description) => ({
	id,
	name,
	description,
	workspace_id: ws,
	organization_id: ws,
	time_zone: 'UTC',
	role: 'owner',
});

/** @type {Agent[]} */
const AGENTS = [
	agent('agent_1', 'Brand Voice', 'ws_1', 'Writes on-brand short-form video scripts'),
	agent('agent_2', 'Launch Campaign', 'ws_1', null),
	agent('agent_3', 'Outbound SDR', 'ws_2', 'Prospecting videos for the sales team'),
	agent('agent_4', 'Deal Desk', 'ws_2', null),
];

/**
 * @param {number} id @param {string} name @param {string} token @param {string} created_at
 * @param {Partial<KeyRecord>} [rest]
 * @returns {KeyRecord}
 */
const key = (id, name, token, created_at, rest = {}) => ({
	id,
	name,
	token_type: 'personal_access_token',
	created_at,
	expires_at: null,
	last_used_at: null,
	revoked_at: null,
	...rest,
	token,
});

/**
 * The six seeded keys. Key 1's `last_used_at` is "recent": one hour before `now`, rounded down
 * to the minute; every other timestamp is fixed.
 * @param {Date} [now]
 * @returns {KeyRecord[]}
 */
function seedKeys(now = new Date()) {
	const recent = new Date(Math.floor((now.getTime() - 3600_000) / 60_000) * 60_000).toISOString();
	return [
		key(1, 'n8n-production', SANDBOX_API_KEY, '2026-01-05T10:05:00.000Z', { last_used_at: recent }),
		key(2, 'CI Pipeline', 'gen_pat_sandbox_ci_pipeline_0002', '2026-03-01T12:00:00.000Z', {
			expires_at: '2099-01-01T00:00:00.000Z',
			last_used_at: '2026-03-09T08:15:00.000Z',
		}),
		key(3, 'old-laptop', 'gen_pat_sandbox_old_laptop_0003', '2024-06-15T09:00:00.000Z', {
			expires_at: '2025-01-01T00:00:00.000Z',
			last_used_at: '2024-12-01T18:20:00.000Z',
		}),
		key(4, 'claude-code', 'gen_pat_sandbox_claude_code_0004', '2025-11-10T14:00:00.000Z', {
			last_used_at: '2026-02-19T22:10:00.000Z',
			revoked_at: '2026-02-20T16:45:00.000Z',
		}),
		key(5, 'never-used', 'gen_pat_sandbox_never_used_0005', '2026-02-01T08:00:00.000Z'),
		key(6, 'rotation-2026-01-01', 'gen_pat_sandbox_rotation_0006', '2025-01-01T00:00:00.000Z', {
			last_used_at: '2025-06-01T12:00:00.000Z',
		}),
	];
}

const BULK_START_ID = 1001;
const BULK_CREATED_MS = Date.parse('2026-01-01T00:00:00.000Z');

/**
 * N generated active keys: ids 1001.., names `bulk-key-0001`.., tokens `gen_pat_sandbox_bulk_0001`..,
 * created one minute apart from 2026-01-01, never used, never expiring.
 * @param {number} n
 * @returns {KeyRecord[]}
 */
function makeBulkKeys(n) {
	/** @type {KeyRecord[]} */
	const keys = new Array(Math.max(0, n | 0));
	for (let i = 0; i < keys.length; i++) {
		const seq = String(i + 1).padStart(4, '0');
		const created = new Date(BULK_CREATED_MS + i * 60_000).toISOString();
		keys[i] = key(BULK_START_ID + i, `bulk-key-${seq}`, `gen_pat_sandbox_bulk_${seq}`, created);
	}
	return keys;
}

module.exports = { SANDBOX_API_KEY, SANDBOX_JWT, USER, WORKSPACES, AGENTS, seedKeys, makeBulkKeys };
