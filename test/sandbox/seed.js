// @ts-check
'use strict';

/**
 * Seed data for the GEN API sandbox: one user, six API keys in every state,
 * two workspaces and four agents; content production: one engine, two organizations, 23 templates. Pure data; server state is built from copies.
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


/**
 * Content production seed. IDs are integers in JSON (as in GEN's examples); path segments match
 * their exact decimal form.
 *
 * @typedef {{ id: number, title: string, type: string, column_role: string, description: string | null }} ColumnSpec
 * @typedef {{ id: number, cells: Array<{ id: number, value: string | null }> }} RowSpec
 * @typedef {object} EngineSpec
 * @property {number} id
 * @property {string} slug
 * @property {string} title
 * @property {string} uuid
 * @property {string} agent_id
 * @property {boolean} is_default
 * @property {string} created_at  ISO
 * @property {ColumnSpec[]} columns
 * @property {RowSpec[]} rows  each row's cells in column order
 *
 * @typedef {{ generic: number, aura: number }} CreditBalance
 * @typedef {{ id: string, uuid: string, name: string, user_role: string, credit: number,
 *   available_credit: CreditBalance, total_members: number,
 *   credit_plan: { id: string, name: string, cycle: string } | null }} OrganizationSeed
 * @typedef {{ id: number, slug: string, uuid: string, title: string, description: string,
 *   tags: string[], columns: Array<Omit<ColumnSpec, 'id'>>, rows: Array<Array<string | null>> }} TemplateSeed
 */

/** The seeded Auto Content Engine (agent_1, workspace/organization ws_1), after GEN's n8n guide. */
const ENGINE_ID = 101;
const COLUMN_IDS = Object.freeze({ hook: 201, script: 202, voiceover: 203, finalVideo: 204 });
const ROW_IDS = Object.freeze([301, 302, 303, 304]);
/** Cell id = 4000 + 10 * row number (1-4) + column number (1 Hook, 2 Script, 3 Voiceover, 4 Final Video). */
const cellId = (/** @type {number} */ row, /** @type {number} */ column) => 4000 + 10 * row + column;
const EMPTY_SCRIPT_CELL_IDS = Object.freeze([cellId(2, 2), cellId(3, 2)]);

/**
 * @param {string} cdnUrl  origin of the sandbox CDN (media values point there)
 * @returns {EngineSpec[]}
 */
function seedEngines(cdnUrl) {
	const rows = [
		[
			'Stop scrolling: this 3-minute habit changed my mornings',
			'Most people grab their phone the second they wake up. Try this instead: water, window, three deep breaths. ' +
				'Three minutes, no screen. By day five you will notice the difference.',
			`${cdnUrl}/media/voiceover-301.mp3`,
			`${cdnUrl}/media/final-301.mp4`,
		],
		['Nobody tells you this about cold brew', null, null, null],
		['I tried every productivity app so you do not have to', null, null, null],
		[
			'The 5-second rule, tested for 30 days',
			'Day one: I counted down from five and got out of bed. Day thirty: I do not count any more. Here is what changed.',
			`${cdnUrl}/media/voiceover-304.mp3`,
			null,
		],
	];
	return [
		{
			id: ENGINE_ID,
			slug: 'brand-voice-shorts',
			title: 'Brand Voice Shorts',
			uuid: '6f1c2a4e-1b7d-4c3e-9a51-0d2b8e7f1001',
			agent_id: 'agent_1',
			is_default: true,
			created_at: '2026-03-01T12:00:00.000Z',
			columns: [
				{ id: COLUMN_IDS.hook, title: 'Hook', type: 'text', column_role: 'ingredient', description: 'The first line viewers hear' },
				{ id: COLUMN_IDS.script, title: 'Script', type: 'text', column_role: 'ingredient', description: 'The video script' },
				{ id: COLUMN_IDS.voiceover, title: 'Voiceover', type: 'audio', column_role: 'ingredient', description: 'Narration of the script' },
				{ id: COLUMN_IDS.finalVideo, title: 'Final Video', type: 'video', column_role: 'final_video', description: null },
			],
			rows: rows.map((values, r) => ({
				id: ROW_IDS[r],
				cells: values.map((value, c) => ({ id: cellId(r + 1, c + 1), value })),
			})),
		},
	];
}

/** Workspaces with credits (`GET /v1/organizations`): one per seeded workspace, same ids. */
/** @type {OrganizationSeed[]} */
const ORGANIZATIONS = [
	{
		id: 'ws_1',
		uuid: '0b7e5c1a-3f2d-4e8b-9c6a-5d4e3f2a1001',
		name: 'Marketing',
		user_role: 'owner',
		credit: 250,
		available_credit: { generic: 200, aura: 50 },
		total_members: 3,
		credit_plan: { id: 'plan_pro', name: 'Pro', cycle: 'MONTHLY' },
	},
	{
		id: 'ws_2',
		uuid: '0b7e5c1a-3f2d-4e8b-9c6a-5d4e3f2a1002',
		name: 'Sales',
		user_role: 'owner',
		credit: 40,
		available_credit: { generic: 40, aura: 0 },
		total_members: 1,
		credit_plan: null,
	},
];

/** GEN's default template columns (reference-templates.mdx). */
const DEFAULT_TEMPLATE_COLUMNS = [
	{ title: 'TEXT 1', type: 'text', column_role: 'ingredient', description: 'First text input (e.g. topic)' },
	{ title: 'TEXT 2', type: 'text', column_role: 'ingredient', description: 'Second text input (e.g. style)' },
	{ title: 'PROMPT', type: 'text', column_role: 'ingredient', description: 'Generation prompt' },
	{ title: 'VIDEO', type: 'video', column_role: 'video', description: 'Generated video layer' },
	{ title: 'FINAL VIDEO', type: 'video', column_role: 'final_video', description: 'Final composed output' },
	{ title: 'STATS', type: 'stats', column_role: 'stats', description: 'Performance metrics' },
];

const TEMPLATE_NAMES = [
	['tiktok-video-creator', 'TikTok Video Creator', 'tiktok'],
	['ugc-script-to-video', 'UGC Script to Video', 'ugc'],
	['product-demo-short', 'Product Demo Short', 'product'],
	['talking-head-explainer', 'Talking Head Explainer', 'explainer'],
	['faceless-youtube-short', 'Faceless YouTube Short', 'youtube'],
	['instagram-reel-hooks', 'Instagram Reel Hooks', 'instagram'],
	['podcast-clip-captions', 'Podcast Clip Captions', 'podcast'],
	['real-estate-tour', 'Real Estate Tour', 'real-estate'],
	['recipe-in-60-seconds', 'Recipe in 60 Seconds', 'food'],
	['app-launch-teaser', 'App Launch Teaser', 'launch'],
	['customer-testimonial', 'Customer Testimonial', 'ugc'],
	['news-recap-daily', 'News Recap Daily', 'news'],
	['fitness-tip-of-the-day', 'Fitness Tip of the Day', 'fitness'],
	['travel-montage', 'Travel Montage', 'travel'],
	['course-lesson-teaser', 'Course Lesson Teaser', 'education'],
	['unboxing-reaction', 'Unboxing Reaction', 'product'],
	['quote-card-video', 'Quote Card Video', 'social'],
	['before-after-reveal', 'Before / After Reveal', 'social'],
	['event-countdown', 'Event Countdown', 'events'],
	['listicle-top-5', 'Listicle Top 5', 'listicle'],
	['linkedin-thought-leader', 'LinkedIn Thought Leader', 'linkedin'],
	['lipsync-avatar-ad', 'Lipsync Avatar Ad', 'ads'],
	['music-visualizer', 'Music Visualizer', 'music'],
];

/** 23 templates (two pages of 20): ids 1-23 in this order. */
/** @type {TemplateSeed[]} */
const TEMPLATES = TEMPLATE_NAMES.map(([slug, title, tag], i) => ({
	id: i + 1,
	slug,
	uuid: `7a3d9e2c-5b4f-4a1e-8c7d-${String(i + 1).padStart(12, '0')}`,
	title,
	description: `${title}: a pre-configured Auto Content Engine for ${tag} videos`,
	tags: [tag, 'video'],
	columns:
		slug === 'ugc-script-to-video'
			? [
					{ title: 'Hook', type: 'text', column_role: 'ingredient', description: 'The first line viewers hear' },
					{ title: 'Script', type: 'text', column_role: 'ingredient', description: 'The video script' },
					{ title: 'Voiceover', type: 'audio', column_role: 'ingredient', description: 'Narration of the script' },
					{ title: 'Final Video', type: 'video', column_role: 'final_video', description: null },
				]
			: DEFAULT_TEMPLATE_COLUMNS,
	rows: slug === 'ugc-script-to-video' ? [['Your hook here', null, null, null]] : [[null, null, null, null, null, null]],
}));

module.exports = {
	SANDBOX_API_KEY,
	SANDBOX_JWT,
	USER,
	WORKSPACES,
	AGENTS,
	seedKeys,
	makeBulkKeys,
	ENGINE_ID,
	COLUMN_IDS,
	ROW_IDS,
	EMPTY_SCRIPT_CELL_IDS,
	cellId,
	seedEngines,
	ORGANIZATIONS,
	TEMPLATES,
};
