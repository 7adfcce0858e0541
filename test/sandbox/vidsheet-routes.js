// @ts-check
'use strict';

/**
 * `/v1/vidsheet…`: Auto Content Engines (vidsheets), their rows, columns and cells, and the
 * generations and renders started from a cell. Called by content-routes.js.
 */

const { costOf } = require('./generations');
const { generationDataError } = require('./generation-data');
const { routeActions } = require('./actions');
const { presentCell, presentColumn, presentRow, presentSheet } = require('./content-presenters');
const { fail, notFound, invalid, agentNotFound } = require('./util');

/**
 * @typedef {import('./routes').ApiResult} ApiResult
 * @typedef {import('./routes').ApiRequest} ApiRequest
 * @typedef {import('./engines').Engine} Engine
 * @typedef {import('./engines').Cell} Cell
 * @typedef {import('./content').ContentStore} ContentStore
 */

const COLUMN_TYPES = ['text', 'image', 'video', 'audio'];
const NO_CREDITS = () => fail(422, 'GEN credits are required to use the API.', 'usable_gen_credit_required');

/**
 * Reads `{wrapper: {...}}` or, as Rails wraps a bare body, the bare object.
 * @param {Record<string, unknown>} body @param {string} wrapper
 * @returns {Record<string, unknown>}
 */
function params(body, wrapper) {
	const nested = body[wrapper];
	if (nested && typeof nested === 'object' && !Array.isArray(nested)) return /** @type {Record<string, unknown>} */ (nested);
	return body;
}

/** @param {unknown} v @returns {{ ok: true, value: number | undefined } | { ok: false }} */
function optionalPosition(v) {
	if (v === undefined || v === null) return { ok: true, value: undefined };
	const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
	return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? { ok: true, value: Math.max(1, n) } : { ok: false };
}

/**
 * `/v1/vidsheet…`: shape → credits → agent_id → engine (must belong to the agent) → rest.
 * @param {ApiRequest} req @param {string[]} s segments after 'vidsheet'
 * @returns {ApiResult}
 */
function engineRoute(req, s) {
	const { method } = req;
	const [id, kind, sub, action] = s;
	// The batched path: agent and vidsheet are in the body.
	if (s.length === 1 && id === 'actions' && method === 'POST') return routeActions(req, presentCell);
	/** @type {string | undefined} */
	let route;
	if (s.length === 0 && method === 'POST') route = 'create';
	else if (s.length === 1 && method === 'GET') route = 'get';
	else if (s.length === 2 && kind === 'clone' && method === 'POST') route = 'clone';
	else if (s.length === 2 && kind === 'generations' && method === 'GET') route = 'generations';
	else if (s.length === 2 && kind === 'rows' && (method === 'GET' || method === 'POST')) route = `rows ${method}`;
	else if (s.length === 3 && kind === 'rows' && method === 'GET') route = 'row';
	else if (s.length === 4 && kind === 'rows' && action === 'duplicate' && method === 'POST') route = 'duplicate';
	else if (s.length === 2 && kind === 'columns' && (method === 'GET' || method === 'POST')) route = `columns ${method}`;
	else if (s.length === 3 && kind === 'cells' && (method === 'GET' || method === 'PATCH')) route = `cell ${method}`;
	else if (s.length === 4 && kind === 'cells' && (action === 'generate' || action === 'render') && method === 'POST') {
		route = action;
	}
	if (!route) return notFound();

	const { content, body, query, store } = req;
	if (!content.state.creditsEnabled) return NO_CREDITS();
	const agentId = query.get('agent_id');
	const agent = agentId ? store.state.agents.find((a) => a.id === agentId) : undefined;
	if (!agent) return agentNotFound();

	const now = Date.now();
	const withCost = /^(true|1)$/i.test(query.get('with_execution_cost') ?? '');

	if (route === 'create') {
		const p = params(body, 'spreadsheet');
		const title = typeof p.title === 'number' ? String(p.title) : p.title;
		if (typeof title !== 'string' || title.trim() === '') return invalid("Title can't be blank");
		if (p.is_default !== undefined && p.is_default !== null && typeof p.is_default !== 'boolean') {
			return invalid('Is default must be true or false');
		}
		const engine = content.createEngine({
			title,
			agent_id: agent.id,
			is_default: p.is_default === true,
			columns: [],
			rows: [],
		});
		return { status: 201, body: presentSheet(content, engine, false, now) };
	}

	const engine = content.findEngine(id);
	if (!engine || engine.agent_id !== agent.id) return notFound();

	switch (route) {
		case 'get':
			return { status: 200, body: presentSheet(content, engine, withCost, now) };
		case 'clone': {
			const target = body.target_agent_id;
			let targetAgent = agent;
			if (target !== undefined && target !== null && target !== '') {
				const found = store.state.agents.find((a) => a.id === String(target));
				if (!found) return invalid('Target agent not accessible');
				targetAgent = found;
			}
			return { status: 201, body: presentSheet(content, content.cloneEngine(engine, targetAgent.id), false, now) };
		}
		case 'generations':
			return { status: 200, body: { generations: runningGenerations(content, engine, now) } };
		case 'rows GET':
			return { status: 200, body: engine.rows.map((r) => presentRow(content, engine, r, withCost, now)) };
		case 'rows POST': {
			const position = optionalPosition(params(body, 'spreadsheet_row').position);
			if (!position.ok) return invalid('Position must be an integer');
			return { status: 201, body: presentRow(content, engine, content.addRow(engine, position.value), false, now) };
		}
		case 'row': {
			const row = content.findRow(engine, sub);
			return row ? { status: 200, body: presentRow(content, engine, row, withCost, now) } : notFound();
		}
		case 'duplicate': {
			// duplicateRow requires the agent in the body too (openapi.yaml).
			if (String(body.agent_id ?? '') !== agent.id) return agentNotFound();
			const row = content.findRow(engine, sub);
			if (!row) return notFound();
			return { status: 201, body: presentRow(content, engine, content.duplicateRow(engine, row), false, now) };
		}
		case 'columns GET':
			return { status: 200, body: engine.columns.map((c) => presentColumn(content, c)) };
		case 'columns POST': {
			const p = params(body, 'spreadsheet_column');
			if (typeof p.title !== 'string' || p.title.trim() === '') return invalid("Title can't be blank");
			if (typeof p.type !== 'string' || !COLUMN_TYPES.includes(p.type)) {
				return invalid(`Type must be one of ${COLUMN_TYPES.join(', ')}`);
			}
			const position = optionalPosition(p.position);
			if (!position.ok) return invalid('Position must be an integer');
			const column = content.addColumn(engine, { title: p.title, type: p.type, position: position.value });
			return { status: 201, body: presentColumn(content, column) };
		}
	}

	const found = content.findCell(engine, sub);
	if (!found) return notFound();
	const { row, cell } = found;
	switch (route) {
		case 'cell GET':
			return { status: 200, body: presentCell(content, cell, withCost, now) };
		case 'cell PATCH': {
			const p = params(body, 'spreadsheet_cell');
			if (!('value' in p)) return invalid("Value can't be missing");
			const v = p.value;
			if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
				return invalid('Value must be a string');
			}
			cell.value = v === null ? null : String(v);
			cell.updated_at_ts = now;
			engine.updated_at_ts = now;
			return { status: 200, body: presentCell(content, cell, false, now) };
		}
		case 'generate': {
			const { generation_type: type, data } = body;
			const error = generationDataError(type, data);
			if (error) return invalid(error);
			const input = { type: String(type), data: /** @type {Record<string, unknown>} */ (data) };
			return start(req, { engine, cell, targetCell: cell, ...input, agentId: agent.id });
		}
		case 'render': {
			const finalColumn = engine.columns.find((c) => c.column_role === 'final_video');
			const targetCell = finalColumn && content.cellOf(row, finalColumn.id);
			if (!targetCell) return invalid('This engine has no Final Video column to render into');
			return start(req, { engine, cell, targetCell, type: 'render', data: {}, agentId: agent.id });
		}
	}
	return notFound();
}

/**
 * `GET /v1/vidsheet/{id}/generations`: the engine's generations still pending or processing.
 * @param {ContentStore} content @param {Engine} engine @param {number} now
 */
function runningGenerations(content, engine, now) {
	content.settle(now);
	return content.state.generations
		.filter((g) => g.sheet_id === engine.id && !g.settled)
		.map((g) => {
			const found = engine.rows.find((r) => r.cells.some((c) => c.id === g.target_cell_id));
			return {
				generation_id: g.id,
				status: content.statusOf(g, now),
				user_job_type: g.user_job_type,
				container_type: 'SpreadsheetCell',
				container_id: g.target_cell_id,
				row_id: found?.id ?? null,
				created_at: new Date(g.created_at_ts).toISOString(),
			};
		});
}

/**
 * Charges the agent's organization and starts a generation.
 * @param {ApiRequest} req
 * @param {{ engine: Engine, cell: Cell, targetCell: Cell, type: string, data: Record<string, unknown>, agentId: string }} input
 * @returns {ApiResult}
 */
function start({ content, store }, input) {
	const agent = store.state.agents.find((a) => a.id === input.agentId);
	const org = agent && content.organization(agent.organization_id);
	if (org) {
		if (costOf(input.type) > content.availableCredit(org).generic) {
			return fail(422, 'Not enough credits to run this generation', 'insufficient_credits_for_job');
		}
	}
	const g = content.startGeneration({ ...input, organizationId: org?.id ?? agent?.organization_id ?? '' });
	return { status: 201, body: { generation_id: g.id, status: 'pending' } };
}

module.exports = { engineRoute };
