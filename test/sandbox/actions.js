// @ts-check
'use strict';

/**
 * `POST /v1/vidsheet/actions` `{agent_id, actions: [...]}` for cell updates (CONTRACT.md
 * "batched edits"; the guide "Work with a Vidsheet"): up to 50 `update`s of cells of one vidsheet,
 * saved all or none. Every refused action is named (`actions[i].…`) in one 422; a target cell
 * with a running generation makes the batch 202 pending (nothing applied). Idempotent replay is
 * the server's (idempotency.js), for every keyed POST.
 */

const crypto = require('node:crypto');
const { fail, agentNotFound } = require('./util');

/**
 * @typedef {import('./routes').ApiResult} ApiResult
 * @typedef {import('./routes').ApiRequest} ApiRequest
 * @typedef {import('./engines').Cell} Cell
 * @typedef {import('./engines').Engine} Engine
 * @typedef {(content: import('./content').ContentStore, cell: Cell, withCost: boolean, now: number) => unknown} PresentCell
 */

const MAX_UPDATES = 50;
// GEN pins its action schema with a hash; the sandbox's stands for one version of it.
const CONTRACT_VERSION = crypto.createHash('sha256').update('sandbox vidsheet actions 2026-10').digest('hex');


/** @param {unknown} v */
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * What is wrong with one action, as `[path, message]`s; the cell it changes when nothing is.
 * @param {ApiRequest} req @param {unknown} action @param {number} i @param {{ agentId: string, engine?: Engine, seen: Set<number> }} batch
 * @returns {{ problems: Array<[string, string]>, cell?: Cell, engine?: Engine }}
 */
function checkAction(req, action, i, batch) {
	const at = `actions[${i}]`;
	if (!isObject(action)) return { problems: [[at, 'Each action must be an object']] };
	const a = /** @type {Record<string, unknown>} */ (action);
	if (a.action !== 'update') return { problems: [[`${at}.action`, 'Only update actions can be batched here']] };
	const target = /** @type {Record<string, unknown>} */ (isObject(a.target) ? a.target : {});
	if (target.kind !== 'cell') return { problems: [[`${at}.target.kind`, 'Target kind must be cell']] };
	const engine = req.content.findEngine(String(target.vidsheet_id));
	if (!engine || engine.agent_id !== batch.agentId) return { problems: [[`${at}.target.vidsheet_id`, 'No such vidsheet for this agent']] };
	if (batch.engine && batch.engine !== engine) return { problems: [[`${at}.target.vidsheet_id`, 'A batch cannot span vidsheets']] };
	const found = req.content.findCell(engine, String(target.id));
	if (!found) return { problems: [[`${at}.target.id`, `No such cell in vidsheet ${engine.id}`]] };
	if (batch.seen.has(found.cell.id)) return { problems: [[`${at}.target`, 'The same cell cannot be updated twice in one batch']] };
	const values = /** @type {Record<string, unknown>} */ (isObject(a.values) ? a.values : {});
	const clear = values.clear_content === true;
	const hasValue = 'value' in values;
	if (clear && hasValue) return { problems: [[`${at}.values`, 'Clearing cannot be combined with a value']] };
	if (!clear && (!hasValue || typeof values.value !== 'string')) return { problems: [[`${at}.values.value`, 'Value must be a string']] };
	return { problems: [], cell: found.cell, engine };
}

/**
 * @param {ApiRequest} req @param {PresentCell} presentCell
 * @returns {ApiResult}
 */
function routeActions(req, presentCell) {
	const { body, content, store } = req;
	if (!content.state.creditsEnabled) {
		return fail(402, 'GEN credits are required to edit this vidsheet.', 'payment_required', { funding_error_kind: 'no_credits' });
	}
	const agentId = String(body.agent_id ?? '');
	if (!store.state.agents.some((a) => a.id === agentId)) return agentNotFound();
	const actions = body.actions;
	if (!Array.isArray(actions) || actions.length < 1 || actions.length > MAX_UPDATES) {
		const problem = { path: 'actions', code: 'invalid', message: `Send 1 to ${MAX_UPDATES} update actions` };
		return fail(422, problem.message, 'invalid_action', { errors: [problem], retryable: false });
	}
	/** @type {{ agentId: string, engine?: Engine, seen: Set<number> }} */
	const batch = { agentId, seen: new Set() };
	/** @type {Array<{ path: string, code: string, message: string }>} */
	const errors = [];
	/** @type {Cell[]} */
	const cells = [];
	actions.forEach((action, i) => {
		const { problems, cell, engine } = checkAction(req, action, i, batch);
		for (const [path, message] of problems) errors.push({ path, code: 'invalid', message });
		if (cell) {
			batch.engine ??= engine;
			batch.seen.add(cell.id);
			cells.push(cell);
		}
	});
	if (errors.length) return fail(422, `${errors[0].path}: ${errors[0].message}`, 'invalid_action', { errors, retryable: false });
	const now = Date.now();
	content.settle(now);
	if (content.state.generations.some((g) => !g.settled && cells.some((c) => c.id === g.target_cell_id))) {
		return {
			status: 202,
			body: { status: 'generating', error_code: 'generation_pending', retryable: true, retry_after_seconds: 1, message: 'A generation of a target cell is still running' },
		};
	}
	cells.forEach((cell, i) => {
		const values = /** @type {Record<string, unknown>} */ (/** @type {Record<string, unknown>} */ (actions[i]).values);
		cell.value = values.clear_content === true ? null : String(values.value);
		cell.updated_at_ts = now;
	});
	if (batch.engine) batch.engine.updated_at_ts = now;
	return {
		status: 200,
		body: {
			results: cells.map((cell, index) => ({ index, result: presentCell(content, cell, false, now) })),
			change_set_id: crypto.randomUUID(),
			contract_version: CONTRACT_VERSION,
		},
	};
}

module.exports = { routeActions };
