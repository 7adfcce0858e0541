// @ts-check
'use strict';

/**
 * Content production state: Auto Content Engines (sheets with columns, rows, cells: engines.js),
 * generations (generations.js), templates, and organizations with credits. This store owns the
 * state and resets it to the seed (content-seed.js).
 */

const seed = require('./content-seed');
const { createEngineStore } = require('./engines');
const { createGenerationStore } = require('./generations');

/**
 * @typedef {object} SheetShape
 * @property {'spreadsheet_column_id' | 'column_id' | 'none'} cellColumnLink  how a cell names its column
 *   (GEN's serializer, GEN's n8n guide, GEN's documented Cell schema)
 * @property {'spreadsheet_cells' | 'cells'} cellsKey  where a row lists its cells
 * @property {'title' | 'name'} columnNameKey  how a column names itself
 */
/** @type {SheetShape} */
const DEFAULT_SHEET_SHAPE = { cellColumnLink: 'spreadsheet_column_id', cellsKey: 'spreadsheet_cells', columnNameKey: 'title' };

/**
 * @param {{ cdnUrl: string, generationMs: number, credits: boolean }} options
 */
function createContentStore(options) {
	const { cdnUrl } = options;
	const state = {
		/** @type {import('./engines').Engine[]} */
		engines: [],
		/** @type {import('./generations').Generation[]} */
		generations: [],
		/** @type {import('./content-seed').OrganizationSeed[]} */
		organizations: [],
		/** @type {import('./content-seed').TemplateSeed[]} */
		templates: [],
		creditsEnabled: options.credits,
		generationMs: options.generationMs,
		/** How sheets name their parts: GEN's sources disagree (CONTRACT.md "cell → column"). @type {SheetShape} */
		sheetShape: { ...DEFAULT_SHEET_SHAPE },
		/** @type {Array<import('./generations').GenerationOutcome & { times: number }>} */
		outcomeQueue: [],
	};
	const { reset: resetEngines, ...engines } = createEngineStore(state);
	const { reset: resetGenerations, ...generations } = createGenerationStore(state, { cdnUrl, cellById: engines.cellById });

	function reset() {
		resetEngines(seed.seedEngines(cdnUrl));
		resetGenerations();
		state.organizations.splice(
			0,
			Infinity,
			...seed.ORGANIZATIONS.map((o) => ({ ...o, available_credit: { ...o.available_credit } })),
		);
		state.templates.splice(0, Infinity, ...seed.TEMPLATES);
		state.creditsEnabled = options.credits;
		state.generationMs = options.generationMs;
		state.sheetShape = { ...DEFAULT_SHEET_SHAPE };
	}

	/** @param {string} id organization id */
	function organization(id) {
		return state.organizations.find((o) => o.id === id);
	}

	/** Credits a generation holds right now. @param {string} orgId */
	function chargedIn(orgId) {
		let sum = 0;
		for (const g of state.generations) if (g.charged && g.organization_id === orgId) sum += g.cost;
		return sum;
	}

	/** Balance after the credits running generations hold. @param {import('./content-seed').OrganizationSeed} org */
	const creditBalance = (org) => org.credit - chargedIn(org.id);

	/** @param {import('./content-seed').OrganizationSeed} org */
	function availableCredit(org) {
		if (!state.creditsEnabled) return { generic: 0, aura: 0 };
		return { generic: Math.max(0, org.available_credit.generic - chargedIn(org.id)), aura: org.available_credit.aura };
	}

	reset();
	return { state, reset, ...engines, ...generations, organization, availableCredit, creditBalance };
}

/** @typedef {ReturnType<typeof createContentStore>} ContentStore */

module.exports = { createContentStore };
