// @ts-check
'use strict';

/**
 * Content production seed for the GEN API sandbox: one Auto Content Engine (after GEN's n8n guide),
 * two organizations with credits, 23 templates. Pure data; the content store builds its state from copies.
 */

/**
 * IDs are integers in JSON (as in GEN's examples); path segments match their exact decimal form.
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

/** The seeded content's ids, as `sandbox.seed` gives them (see README "Seed"). */
function seedIds() {
	return {
		agentId: 'agent_1',
		organizationId: 'ws_1',
		engineId: ENGINE_ID,
		columns: { ...COLUMN_IDS },
		rows: ROW_IDS,
		cellId,
		emptyScriptCells: EMPTY_SCRIPT_CELL_IDS,
		templateSlugs: TEMPLATES.map((t) => t.slug),
	};
}

module.exports = { seedEngines, seedIds, ORGANIZATIONS, TEMPLATES };
