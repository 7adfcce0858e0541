// @ts-check
'use strict';

/**
 * Generations: their cost, status and outcome. They use timestamps, not timers: the status is
 * computed when read, and `settle()` (called before every API request) writes finished results
 * into their cells, so nothing keeps the process alive. Part of the content store (content.js),
 * which owns the state.
 */

const { touch } = require('./engines');
const { produce } = require('./generation-results');

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
const FIRST_ID = 9001;

/**
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
 *
 * @typedef {{ generations: Generation[], outcomeQueue: Array<GenerationOutcome & { times: number }>,
 *   generationMs: number }} GenerationState  the part of the content store's state generations use
 */

/** What a generation of this type costs (unknown types 1). @param {string} type */
const costOf = (type) => COSTS[/** @type {keyof typeof COSTS} */ (type)] ?? 1;

/** @param {Generation} g @param {number} [now] @returns {GenerationStatus} */
function statusOf(g, now = Date.now()) {
	if (g.settled) return g.settled;
	const elapsed = now - g.started_at_ts;
	if (g.outcome !== 'never' && elapsed >= g.duration_ms) return g.outcome;
	return elapsed < g.duration_ms * PENDING_SHARE ? 'pending' : 'processing';
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

/**
 * @param {GenerationState} state
 * @param {{ cdnUrl: string, cellById: ReturnType<typeof import('./engines').createEngineStore>['cellById'] }} engines
 */
function createGenerationStore(state, { cdnUrl, cellById }) {
	let nextId = FIRST_ID;

	function reset() {
		nextId = FIRST_ID;
		state.generations.length = 0;
		state.outcomeQueue.length = 0;
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
	 * @param {{ engine: import('./engines').Engine, cell: import('./engines').Cell, targetCell: import('./engines').Cell,
	 *   type: string, data: Record<string, unknown>, agentId: string, organizationId: string }} input
	 */
	function startGeneration(input) {
		const now = Date.now();
		const planned = takeOutcome(input.type);
		/** @type {Generation} */
		const g = {
			id: nextId++,
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
			cost: costOf(input.type),
			charged: true,
			polls: 0,
		};
		state.generations.push(g);
		input.targetCell.user_job_ids.push(g.id);
		return g;
	}

	/** @param {string} segment */
	const findGeneration = (segment) => state.generations.find((g) => String(g.id) === segment);

	/** Writes a completed generation's output into its target cell. @param {Generation} g @param {number} now */
	function complete(g, now) {
		const found = cellById(g.target_cell_id);
		const column = found?.engine.columns.find((c) => c.id === found.cell.column_id);
		const value = produce(g, cdnUrl, column?.title ?? 'text');
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

	return {
		reset,
		statusOf,
		startGeneration,
		findGeneration,
		settle,
		stop,
		resume,
		setOutcome,
		pendingOutcomes: () => state.outcomeQueue.map((o) => ({ ...o, times: o.times === Infinity ? -1 : o.times })),
		clearOutcomes: () => void (state.outcomeQueue.length = 0),
	};
}

module.exports = { createGenerationStore, costOf };
