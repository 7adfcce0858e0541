// @ts-check
'use strict';

/**
 * Content production state: Auto Content Engines (sheets with columns, rows, cells), templates,
 * organizations with credits, and generations. Generations use timestamps, not timers: their
 * status is computed when read, and `settle()` (called before every API request) writes finished
 * results into their cells, so nothing keeps the process alive.
 */

const crypto = require('node:crypto');
const seed = require('./content-seed');

const { GENERATION_TYPES } = require('./generation-data');

/** Credits pre-charged per generation (refunded when it fails or is stopped). */
const COSTS = Object.freeze({
	text: 1,
	image_from_text: 4,
	video_from_text: 20,
	video_from_image: 20,
	video_from_ingredients: 20,
	speech_from_text: 2,
	lipsync: 10,
	captions: 1,
	transcription: 1,
	song: 6,
	render: 5,
});

const OUTCOMES = Object.freeze(['completed', 'failed', 'stopped', 'never']);
const TERMINAL = new Set(['completed', 'failed', 'stopped']);
/** Share of a generation's time spent `pending` before it turns `processing`. */
const PENDING_SHARE = 0.25;

/**
 * @typedef {{ id: number, title: string, temp_title: string | null, type: string, column_role: string,
 *   description: string | null, position: number, additional_attributes: Record<string, unknown>,
 *   created_at_ts: number, updated_at_ts: number }} Column
 * @typedef {{ id: number, column_id: number, row_id: number, value: string | null, cell_role: string,
 *   additional_attributes: Record<string, unknown>, created_at_ts: number, updated_at_ts: number,
 *   user_job_ids: number[], default_user_job_id: number | null }} Cell
 * @typedef {{ id: number, position: number, additional_attributes: Record<string, unknown>,
 *   created_at_ts: number, updated_at_ts: number, cells: Cell[] }} Row
 * @typedef {{ id: number, slug: string, title: string, uuid: string, project_type: string, is_default: boolean,
 *   status: string, agent_id: string, created_at_ts: number, updated_at_ts: number,
 *   columns: Column[], rows: Row[] }} Engine
 * @typedef {'pending' | 'processing' | 'completed' | 'failed' | 'stopped'} GenerationStatus
 * @typedef {'completed' | 'failed' | 'stopped' | 'never'} GenerationOutcomeKind
 * @typedef {object} Generation  stored generation (GET /v1/generations/{id} presents it)
 * @property {number} id
 * @property {string} user_job_type  a generation_type, or 'render'
 * @property {number} sheet_id
 * @property {number} cell_id  the cell the request named
 * @property {number} target_cell_id  the cell the result goes to (render: the row's final_video cell)
 * @property {string} agent_id
 * @property {string} organization_id
 * @property {Record<string, unknown>} data
 * @property {number} created_at_ts
 * @property {number} started_at_ts  (re)start time; continue resets it
 * @property {number} duration_ms  generationMs when it (re)started
 * @property {GenerationOutcomeKind} outcome  how it ends after duration_ms
 * @property {string | null} planned_failed_reason
 * @property {GenerationStatus | null} settled  final status once reached (frozen)
 * @property {string | null} failed_reason
 * @property {Record<string, unknown> | null} result
 * @property {Array<{ id: number, url: string, thumbnail_url: string | null, object_type: 'Image' | 'Audio' | 'Video', type: 'output' }>} output_resources
 * @property {number} cost
 * @property {boolean} charged  false once refunded (failed / stopped)
 * @property {number} polls  GET /v1/generations/{id} requests so far
 *
 * @typedef {object} GenerationOutcome  what `sandbox.generationOutcome()` accepts
 * @property {GenerationOutcomeKind} outcome
 * @property {string} [failedReason]  for 'failed' (default "Generation failed in the sandbox")
 * @property {number} [times]  how many new generations it applies to (default 1; -1 = all); ignored with generationId
 * @property {string} [type]  only generations of this user_job_type ('text', 'render', ...)
 * @property {number | string} [generationId]  apply to this existing generation instead
 */

/**
 * @typedef {object} SheetShape
 * @property {'spreadsheet_column_id' | 'column_id' | 'none'} cellColumnLink  how a cell names its column
 *   (GEN's serializer, GEN's n8n guide, GEN's documented Cell schema)
 * @property {'spreadsheet_cells' | 'cells'} cellsKey  where a row lists its cells
 * @property {'title' | 'name'} columnNameKey  how a column names itself
 */
/** @type {SheetShape} */
const DEFAULT_SHEET_SHAPE = { cellColumnLink: 'spreadsheet_column_id', cellsKey: 'spreadsheet_cells', columnNameKey: 'title' };

/** @param {number} ms */
const seconds = (ms) => Math.floor(ms / 1000);

/**
 * @param {{ cdnUrl: string, generationMs: number, credits: boolean }} options
 */
function createContentStore(options) {
	const { cdnUrl } = options;
	const state = {
		/** @type {Engine[]} */
		engines: [],
		/** @type {Generation[]} */
		generations: [],
		/** @type {import('./content-seed').OrganizationSeed[]} */
		organizations: [],
		/** @type {import('./content-seed').TemplateSeed[]} */
		templates: [],
		creditsEnabled: options.credits,
		generationMs: options.generationMs,
		/** How sheets name their parts: GEN's sources disagree (CONTRACT.md "cell → column"). @type {SheetShape} */
		sheetShape: { ...DEFAULT_SHEET_SHAPE },
		/** @type {Array<GenerationOutcome & { times: number }>} */
		outcomeQueue: [],
	};
	let nextId = 10001;
	let nextGenerationId = 9001;
	const newId = () => nextId++;

	/** @param {Engine} engine @param {number} now */
	const touch = (engine, now) => void (engine.updated_at_ts = now);

	/**
	 * @param {Omit<Column, 'position' | 'created_at_ts' | 'updated_at_ts' | 'temp_title' | 'additional_attributes'>} spec
	 * @param {number} now
	 * @returns {Column}
	 */
	const makeColumn = (spec, now) => ({
		id: spec.id,
		title: spec.title,
		temp_title: null,
		type: spec.type,
		column_role: spec.column_role,
		description: spec.description,
		position: 0,
		additional_attributes: {},
		created_at_ts: now,
		updated_at_ts: now,
	});

	/** @param {number} id @param {number} column_id @param {number} row_id @param {string | null} value @param {number} now @returns {Cell} */
	const makeCell = (id, column_id, row_id, value, now) => ({
		id,
		column_id,
		row_id,
		value,
		cell_role: 'content',
		additional_attributes: {},
		created_at_ts: now,
		updated_at_ts: now,
		user_job_ids: [],
		default_user_job_id: null,
	});

	/** Renumbers positions 1..n in array order. @param {Array<{ position: number }>} list */
	const renumber = (list) => list.forEach((item, i) => void (item.position = i + 1));

	/**
	 * @param {import('./content-seed').EngineSpec} spec
	 * @returns {Engine}
	 */
	function engineFromSpec(spec) {
		const at = Date.parse(spec.created_at);
		const columns = spec.columns.map((c) => makeColumn(c, at));
		renumber(columns);
		const rows = spec.rows.map((r) => ({
			id: r.id,
			position: 0,
			additional_attributes: {},
			created_at_ts: at,
			updated_at_ts: at,
			cells: r.cells.map((cell, i) => makeCell(cell.id, columns[i].id, r.id, cell.value, at)),
		}));
		renumber(rows);
		return {
			id: spec.id,
			slug: spec.slug,
			title: spec.title,
			uuid: spec.uuid,
			project_type: 'autocontentengine',
			is_default: spec.is_default,
			status: 'active',
			agent_id: spec.agent_id,
			created_at_ts: at,
			updated_at_ts: at,
			columns,
			rows,
		};
	}

	function reset() {
		nextId = 10001;
		nextGenerationId = 9001;
		state.engines.splice(0, Infinity, ...seed.seedEngines(cdnUrl).map(engineFromSpec));
		state.generations.length = 0;
		state.organizations.splice(
			0,
			Infinity,
			...seed.ORGANIZATIONS.map((o) => ({ ...o, available_credit: { ...o.available_credit } })),
		);
		state.templates.splice(0, Infinity, ...seed.TEMPLATES);
		state.creditsEnabled = options.credits;
		state.generationMs = options.generationMs;
		state.sheetShape = { ...DEFAULT_SHEET_SHAPE };
		state.outcomeQueue.length = 0;
	}

	/** @param {string} title @param {string} slugBase */
	function slugify(title, slugBase = '') {
		const base = (slugBase || title).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'engine';
		let slug = base;
		for (let n = 2; state.engines.some((e) => e.slug === slug); n++) slug = `${base}-${n}`;
		return slug;
	}

	/**
	 * A new engine (fresh ids) with the given columns and rows of values.
	 * @param {{ title: string, agent_id: string, is_default?: boolean,
	 *   columns: Array<Pick<Column, 'title' | 'type' | 'column_role' | 'description'>>,
	 *   rows: Array<Array<string | null>> }} input
	 */
	function createEngine(input) {
		const now = Date.now();
		const columns = input.columns.map((c) => makeColumn({ ...c, id: newId() }, now));
		renumber(columns);
		/** @type {Row[]} */
		const rows = input.rows.map((values) => {
			const rowId = newId();
			return {
				id: rowId,
				position: 0,
				additional_attributes: {},
				created_at_ts: now,
				updated_at_ts: now,
				cells: columns.map((col, i) => makeCell(newId(), col.id, rowId, values[i] ?? null, now)),
			};
		});
		renumber(rows);
		/** @type {Engine} */
		const engine = {
			id: newId(),
			slug: slugify(input.title, ''),
			title: input.title,
			uuid: crypto.randomUUID(),
			project_type: 'autocontentengine',
			is_default: input.is_default ?? false,
			status: 'active',
			agent_id: input.agent_id,
			created_at_ts: now,
			updated_at_ts: now,
			columns,
			rows,
		};
		if (engine.is_default) for (const e of state.engines) if (e.agent_id === engine.agent_id) e.is_default = false;
		state.engines.push(engine);
		return engine;
	}

	/** Deep copy with new ids (values kept, generation history not). @param {Engine} source @param {string} agentId */
	function cloneEngine(source, agentId) {
		return createEngine({
			title: source.title,
			agent_id: agentId,
			columns: source.columns,
			rows: source.rows.map((r) => source.columns.map((col) => cellOf(r, col.id)?.value ?? null)),
		});
	}

	/** @param {Row} row @param {number} columnId */
	const cellOf = (row, columnId) => row.cells.find((c) => c.column_id === columnId);

	/** @param {string} segment */
	const findEngine = (segment) => state.engines.find((e) => String(e.id) === segment);

	/** @param {Engine} engine @param {string} segment */
	const findRow = (engine, segment) => engine.rows.find((r) => String(r.id) === segment);

	/** @param {Engine} engine @param {string} segment @returns {{ row: Row, cell: Cell } | undefined} */
	function findCell(engine, segment) {
		for (const row of engine.rows) {
			const cell = row.cells.find((c) => String(c.id) === segment);
			if (cell) return { row, cell };
		}
		return undefined;
	}

	/** @param {Engine} engine @param {number | undefined} position 1-based; undefined = append */
	function addRow(engine, position) {
		const now = Date.now();
		const rowId = newId();
		/** @type {Row} */
		const row = {
			id: rowId,
			position: 0,
			additional_attributes: {},
			created_at_ts: now,
			updated_at_ts: now,
			cells: engine.columns.map((col) => makeCell(newId(), col.id, rowId, null, now)),
		};
		insertAt(engine.rows, row, position);
		touch(engine, now);
		return row;
	}

	/** @param {Engine} engine @param {Row} source */
	function duplicateRow(engine, source) {
		const now = Date.now();
		const rowId = newId();
		/** @type {Row} */
		const row = {
			id: rowId,
			position: 0,
			additional_attributes: { ...source.additional_attributes },
			created_at_ts: now,
			updated_at_ts: now,
			cells: source.cells.map((c) => makeCell(newId(), c.column_id, rowId, c.value, now)),
		};
		insertAt(engine.rows, row, source.position + 1);
		touch(engine, now);
		return row;
	}

	/**
	 * @param {Engine} engine
	 * @param {{ title: string, type: string, position?: number }} input
	 */
	function addColumn(engine, input) {
		const now = Date.now();
		const column = makeColumn(
			{ id: newId(), title: input.title, type: input.type, column_role: 'ingredient', description: null },
			now,
		);
		insertAt(engine.columns, column, input.position);
		for (const row of engine.rows) row.cells.push(makeCell(newId(), column.id, row.id, null, now));
		touch(engine, now);
		return column;
	}

	/**
	 * @template {{ position: number }} T
	 * @param {T[]} list @param {T} item @param {number | undefined} position
	 */
	function insertAt(list, item, position) {
		const index = position === undefined ? list.length : Math.min(Math.max(position, 1), list.length + 1) - 1;
		list.splice(index, 0, item);
		renumber(list);
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

	// ── Generations ─────────────────────────────────────────────────────

	/** @param {Generation} g @param {number} [now] @returns {GenerationStatus} */
	function statusOf(g, now = Date.now()) {
		if (g.settled) return g.settled;
		const elapsed = now - g.started_at_ts;
		if (g.outcome !== 'never' && elapsed >= g.duration_ms) return g.outcome;
		return elapsed < g.duration_ms * PENDING_SHARE ? 'pending' : 'processing';
	}

	/** @param {string} type */
	function takeOutcome(type) {
		const i = state.outcomeQueue.findIndex((o) => !o.type || o.type === type);
		if (i < 0) return undefined;
		const o = state.outcomeQueue[i];
		o.times -= 1;
		if (o.times <= 0) state.outcomeQueue.splice(i, 1);
		return o;
	}

	/**
	 * @param {{ engine: Engine, cell: Cell, targetCell: Cell, type: string, data: Record<string, unknown>,
	 *   agentId: string, organizationId: string }} input
	 */
	function startGeneration(input) {
		const now = Date.now();
		const planned = takeOutcome(input.type);
		/** @type {Generation} */
		const g = {
			id: nextGenerationId++,
			user_job_type: input.type,
			sheet_id: input.engine.id,
			cell_id: input.cell.id,
			target_cell_id: input.targetCell.id,
			agent_id: input.agentId,
			organization_id: input.organizationId,
			data: input.data,
			created_at_ts: now,
			started_at_ts: now,
			duration_ms: state.generationMs,
			outcome: planned?.outcome ?? 'completed',
			planned_failed_reason: planned?.failedReason ?? null,
			settled: null,
			failed_reason: null,
			result: null,
			output_resources: [],
			cost: COSTS[/** @type {keyof typeof COSTS} */ (input.type)] ?? 1,
			charged: true,
			polls: 0,
		};
		state.generations.push(g);
		input.targetCell.user_job_ids.push(g.id);
		return g;
	}

	/** @param {string} segment */
	const findGeneration = (segment) => state.generations.find((g) => String(g.id) === segment);

	/** @param {number} id */
	function cellById(id) {
		for (const engine of state.engines) {
			for (const row of engine.rows) {
				const cell = row.cells.find((c) => c.id === id);
				if (cell) return { engine, row, cell };
			}
		}
		return undefined;
	}

	/** Text for a text generation: the prompt with `{{variables}}` filled, or a stock line. @param {Generation} g @param {string} columnTitle */
	function generatedText(g, columnTitle) {
		const { prompt, variables } = g.data;
		if (typeof prompt === 'string' && prompt.trim() !== '') {
			const vars = variables && typeof variables === 'object' ? /** @type {Record<string, unknown>} */ (variables) : {};
			const filled = prompt.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
			return `Sandbox ${g.user_job_type} for: ${filled}`;
		}
		return `Sandbox ${columnTitle.toLowerCase()} #${g.id}: hook, three beats, call to action.`;
	}

	/** Writes a completed generation's output into its target cell. @param {Generation} g @param {number} now */
	function complete(g, now) {
		const found = cellById(g.target_cell_id);
		const column = found?.engine.columns.find((c) => c.id === found.cell.column_id);
		/** @type {'png' | 'mp3' | 'mp4' | null} */
		let ext = null;
		switch (g.user_job_type) {
			case 'image_from_text':
				ext = 'png';
				break;
			case 'speech_from_text':
			case 'song':
				ext = 'mp3';
				break;
			case 'video_from_text':
			case 'video_from_image':
			case 'video_from_ingredients':
			case 'lipsync':
			case 'render':
				ext = 'mp4';
				break;
		}
		/** @type {string} */
		let value;
		if (ext) {
			const name = g.user_job_type === 'render' ? `render-${g.id}` : `gen-${g.id}`;
			const url = `${cdnUrl}/outputs/${name}.${ext}`;
			g.output_resources = [
				{
					id: 70000 + g.id,
					url,
					thumbnail_url: ext === 'mp3' ? null : `${cdnUrl}/thumbnails/${name}.png`,
					object_type: ext === 'mp3' ? 'Audio' : ext === 'mp4' ? 'Video' : 'Image',
					type: 'output',
				},
			];
			g.result = { url };
			value = url;
		} else if (g.user_job_type === 'captions') {
			const captions = [
				{ start: 0, end: 1.5, text: 'Stop scrolling.' },
				{ start: 1.5, end: 3, text: 'This changes everything.' },
			];
			g.result = { captions };
			value = captions.map((c) => c.text).join(' ');
		} else if (g.user_job_type === 'transcription') {
			const sentences = [
				{ text: 'Welcome back to another episode.', startMs: 0, endMs: 1840 },
				{ text: 'Today we are hunting tacos.', startMs: 1840, endMs: 3620 },
			];
			value = sentences.map((s) => s.text).join(' ');
			g.result = { full_text: value, sentences, audio_duration: 3.62 };
		} else {
			value = generatedText(g, column?.title ?? 'text');
			g.result = { text: value };
		}
		if (found) {
			found.cell.value = value;
			found.cell.updated_at_ts = now;
			found.cell.default_user_job_id = g.id;
			touch(found.engine, now);
		}
	}

	/** Freezes generations that reached their end and applies their effects. @param {number} [now] */
	function settle(now = Date.now()) {
		for (const g of state.generations) {
			if (g.settled) continue;
			const status = statusOf(g, now);
			if (!TERMINAL.has(status)) continue;
			g.settled = status;
			if (status === 'completed') complete(g, now);
			else {
				g.charged = false;
				if (status === 'failed') g.failed_reason = g.planned_failed_reason ?? 'Generation failed in the sandbox';
			}
		}
	}

	/** @param {Generation} g */
	function stop(g) {
		settle();
		if (g.settled) return false;
		g.settled = 'stopped';
		g.charged = false;
		return true;
	}

	/** @param {Generation} g */
	function resume(g) {
		settle();
		if (g.settled !== 'stopped') return false;
		g.settled = null;
		g.outcome = 'completed';
		g.planned_failed_reason = null;
		g.started_at_ts = Date.now();
		g.duration_ms = state.generationMs;
		g.charged = true;
		return true;
	}

	/** @param {unknown} input @returns {GenerationOutcome & { times: number }} */
	function normalizeOutcome(input) {
		if (!input || typeof input !== 'object' || Array.isArray(input)) throw new TypeError('generation outcome must be an object');
		const o = /** @type {GenerationOutcome} */ (input);
		if (!OUTCOMES.includes(o.outcome)) throw new TypeError(`outcome must be one of ${OUTCOMES.join(', ')}`);
		if (o.failedReason !== undefined && typeof o.failedReason !== 'string') throw new TypeError('failedReason must be a string');
		if (o.type !== undefined && typeof o.type !== 'string') throw new TypeError('type must be a string');
		let times = o.times ?? 1;
		if (times === -1) times = Infinity;
		if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
			throw new TypeError('times must be an integer >= 1 (or -1 for every generation)');
		}
		return { ...o, times };
	}

	/** @param {unknown} input */
	function setOutcome(input) {
		const o = normalizeOutcome(input);
		if (o.generationId !== undefined) {
			settle();
			const g = findGeneration(String(o.generationId));
			if (!g) throw new TypeError(`no generation ${o.generationId}`);
			if (g.settled) throw new TypeError(`generation ${o.generationId} has already ended (${g.settled})`);
			g.outcome = o.outcome;
			g.planned_failed_reason = o.failedReason ?? null;
			return;
		}
		state.outcomeQueue.push(o);
	}

	reset();
	return {
		state,
		reset,
		createEngine,
		cloneEngine,
		findEngine,
		findRow,
		findCell,
		cellOf,
		addRow,
		duplicateRow,
		addColumn,
		organization,
		availableCredit,
		creditBalance,
		statusOf,
		startGeneration,
		findGeneration,
		settle,
		stop,
		resume,
		setOutcome,
		pendingOutcomes: () => state.outcomeQueue.map((o) => ({ ...o, times: o.times === Infinity ? -1 : o.times })),
		clearOutcomes: () => void (state.outcomeQueue.length = 0),
		seconds,
	};
}

/** @typedef {ReturnType<typeof createContentStore>} ContentStore */

module.exports = { DEFAULT_SHEET_SHAPE, createContentStore, GENERATION_TYPES, COSTS };
