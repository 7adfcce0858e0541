// @ts-check
'use strict';

/**
 * Content production routes: `/v1/vidsheet…`, `/v1/templates…`, `/v1/organizations…`,
 * `/v1/generations…`. Called by routes.js after authentication.
 */

const crypto = require('node:crypto');
const { costOf } = require('./generations');
const { generationDataError } = require('./generation-data');
const { routeActions } = require('./actions');

/**
 * @typedef {import('./routes').ApiResult} ApiResult
 * @typedef {import('./routes').ApiRequest} ApiRequest
 * @typedef {import('./engines').Engine} Engine
 * @typedef {import('./engines').Cell} Cell
 * @typedef {import('./engines').Row} Row
 * @typedef {import('./engines').Column} Column
 * @typedef {import('./generations').Generation} Generation
 * @typedef {import('./content').ContentStore} ContentStore
 */

const PAGE_SIZE = 20;
const COLUMN_TYPES = ['text', 'image', 'video', 'audio'];

/** @param {number} status @param {string} error @param {string} code @returns {ApiResult} */
const fail = (status, error, code) => ({ status, body: { error, error_code: code } });
const NOT_FOUND = () => fail(404, 'Not found', 'not_found');
/** @param {string} message */
const invalid = (message) => fail(422, message, 'validation_error');
const NO_CREDITS = () => fail(422, 'GEN credits are required to use the API.', 'usable_gen_credit_required');
const AGENT_NOT_FOUND = () => fail(422, 'Agent not found', 'agent_not_found');

/** @param {number} n credits as GEN shows them, e.g. "2.0" */
const money = (n) => n.toFixed(1);
/** @param {number} ms */
const seconds = (ms) => Math.floor(ms / 1000);

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

// ── Presenters ──────────────────────────────────────────────────────

/** @param {ContentStore} content @param {Generation} g @param {number} now */
function presentGeneration(content, g, now) {
	// Settle at the same instant the status is read: a generation shown completed has its result.
	content.settle(now);
	return {
		id: g.id,
		status: content.statusOf(g, now),
		user_job_type: g.user_job_type,
		result: g.settled === 'completed' ? g.result : null,
		failed_reason: g.failed_reason,
		output_resources: g.settled === 'completed' ? g.output_resources : [],
		execution_cost: money(g.charged ? g.cost : 0),
	};
}

/** @param {ContentStore} content @param {number} cellId */
function cellCost(content, cellId) {
	let sum = 0;
	for (const g of content.state.generations) if (g.charged && g.target_cell_id === cellId) sum += g.cost;
	return sum;
}

/** @param {ContentStore} content @param {Column} c */
const presentColumn = (content, c) => ({
	id: c.id,
	[content.state.sheetShape.columnNameKey]: c.title,
	temp_title: c.temp_title,
	type: c.type,
	column_role: c.column_role,
	description: c.description,
	position: c.position,
	additional_attributes: c.additional_attributes,
	created_at_ts: c.created_at_ts,
	updated_at_ts: c.updated_at_ts,
});

/** A cell's link to its column, under the name the sheet shape says (or none). @param {ContentStore} content @param {Cell} cell */
function columnLink(content, cell) {
	const key = content.state.sheetShape.cellColumnLink;
	return key === 'none' ? {} : { [key]: cell.column_id };
}

/** @param {ContentStore} content @param {Cell} cell @param {boolean} withCost @param {number} now */
function presentCell(content, cell, withCost, now) {
	const jobs = cell.user_job_ids
		.map((id) => content.state.generations.find((g) => g.id === id))
		.filter((g) => g !== undefined)
		.reverse();
	const defaultJob = jobs.find((g) => g.id === cell.default_user_job_id);
	return {
		id: cell.id,
		value: cell.value,
		...columnLink(content, cell),
		spreadsheet_row_id: cell.row_id,
		additional_attributes: cell.additional_attributes,
		cell_role: cell.cell_role,
		created_at_ts: cell.created_at_ts,
		updated_at_ts: cell.updated_at_ts,
		default_user_job: defaultJob ? presentGeneration(content, defaultJob, now) : null,
		user_jobs: jobs.map((g) => presentGeneration(content, g, now)),
		video_layers: [],
		...(withCost ? { execution_cost: money(cellCost(content, cell.id)) } : {}),
	};
}

/** @param {ContentStore} content @param {Engine} engine @param {Row} row @param {boolean} withCost @param {number} now */
function presentRow(content, engine, row, withCost, now) {
	const cells = engine.columns.map((col) => content.cellOf(row, col.id)).filter((c) => c !== undefined);
	return {
		id: row.id,
		position: row.position,
		additional_attributes: row.additional_attributes,
		created_at_ts: row.created_at_ts,
		updated_at_ts: row.updated_at_ts,
		[content.state.sheetShape.cellsKey]: cells.map((c) => presentCell(content, c, withCost, now)),
		...(withCost ? { execution_cost: money(cells.reduce((sum, c) => sum + cellCost(content, c.id), 0)) } : {}),
	};
}

/** @param {ContentStore} content @param {Engine} engine @param {boolean} withCost @param {number} now */
function presentSheet(content, engine, withCost, now) {
	return {
		id: engine.id,
		slug: engine.slug,
		title: engine.title,
		project_type: engine.project_type,
		is_default: engine.is_default,
		uuid: engine.uuid,
		status: engine.status,
		created_at: seconds(engine.created_at_ts),
		created_at_ts: engine.created_at_ts,
		updated_at_ts: engine.updated_at_ts,
		spreadsheet_columns: engine.columns.map((c) => presentColumn(content, c)),
		spreadsheet_rows: engine.rows.map((r) => presentRow(content, engine, r, withCost, now)),
		global_variables_sheet: null,
	};
}

/** @param {string} cdnUrl @param {import('./content-seed').TemplateSeed} t */
const presentTemplate = (cdnUrl, t) => ({
	id: t.id,
	slug: t.slug,
	title: t.title,
	name: t.title,
	description: t.description,
	cover: `${cdnUrl}/templates/${t.slug}.png`,
	tutorial_url: null,
	tags: t.tags,
	recent_generated_contents: [{ id: 80000 + t.id, type: 'video', thumbnail_url: `${cdnUrl}/thumbnails/template-${t.id}.png` }],
});

/** @param {ContentStore} content @param {string} cdnUrl @param {import('./content-seed').OrganizationSeed} o */
const presentOrganization = (content, cdnUrl, o) => ({
	id: o.id,
	uuid: o.uuid,
	organization_id: o.id,
	name: o.name,
	avatar: { url: `${cdnUrl}/avatars/${o.id}.png`, thumbnail_url: `${cdnUrl}/avatars/${o.id}-thumb.png` },
	user_role: o.user_role,
	credit: content.creditBalance(o),
	available_credit: content.availableCredit(o),
	total_members: o.total_members,
	credit_plan: o.credit_plan,
});

// ── Routes ──────────────────────────────────────────────────────────

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
	if (!route) return NOT_FOUND();

	const { content, body, query, store } = req;
	if (!content.state.creditsEnabled) return NO_CREDITS();
	const agentId = query.get('agent_id');
	const agent = agentId ? store.state.agents.find((a) => a.id === agentId) : undefined;
	if (!agent) return AGENT_NOT_FOUND();

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
	if (!engine || engine.agent_id !== agent.id) return NOT_FOUND();

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
			return row ? { status: 200, body: presentRow(content, engine, row, withCost, now) } : NOT_FOUND();
		}
		case 'duplicate': {
			// duplicateRow requires the agent in the body too (openapi.yaml).
			if (String(body.agent_id ?? '') !== agent.id) return AGENT_NOT_FOUND();
			const row = content.findRow(engine, sub);
			if (!row) return NOT_FOUND();
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
	if (!found) return NOT_FOUND();
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
	return NOT_FOUND();
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

/** @param {ApiRequest} req @param {string[]} s segments after 'templates' @returns {ApiResult} */
function templateRoute(req, s) {
	const { method, content, query, body, store, cdnUrl } = req;
	const [kind, slug, action] = s;
	/** @param {string} key */
	const find = (key) => content.state.templates.find((t) => t.slug === key || t.uuid === key || String(t.id) === key);
	if (kind === 'projects' && s.length === 1 && method === 'GET') {
		const raw = query.get('page') ?? '1';
		const page = /^\d+$/.test(raw) ? Math.max(1, Number(raw)) : 1;
		const list = content.state.templates.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
		return { status: 200, body: list.map((t) => presentTemplate(cdnUrl, t)) };
	}
	if (kind === 'projects' && s.length === 2 && method === 'GET') {
		const t = find(slug);
		if (!t) return NOT_FOUND();
		return {
			status: 200,
			body: {
				...presentTemplate(cdnUrl, t),
				spreadsheet_columns: t.columns.map((c, i) => ({ ...c, position: i + 1 })),
			},
		};
	}
	if (kind === 'spreadsheets' && s.length === 3 && action === 'clone' && method === 'POST') {
		const t = find(slug);
		if (!t) return NOT_FOUND();
		const agentId = body.agent_id;
		const agent =
			typeof agentId === 'string' || typeof agentId === 'number'
				? store.state.agents.find((a) => a.id === String(agentId))
				: undefined;
		if (!agent) return AGENT_NOT_FOUND();
		const engine = content.createEngine({ title: t.title, agent_id: agent.id, columns: t.columns, rows: t.rows });
		return { status: 201, body: presentSheet(content, engine, false, Date.now()) };
	}
	return NOT_FOUND();
}

/** @param {ApiRequest} req @param {string[]} s segments after 'organizations' @returns {ApiResult} */
function organizationRoute(req, s) {
	const { method, content, cdnUrl } = req;
	if (method !== 'GET') return NOT_FOUND();
	if (s.length === 0) {
		return { status: 200, body: content.state.organizations.map((o) => presentOrganization(content, cdnUrl, o)) };
	}
	if (s.length === 1) {
		const o = content.organization(s[0]);
		return o
			? { status: 200, body: presentOrganization(content, cdnUrl, o) }
			: fail(422, 'Organization not found', 'organization_not_found');
	}
	return NOT_FOUND();
}

/** @param {ApiRequest} req @param {string[]} s segments after 'generations' @returns {ApiResult} */
function generationRoute(req, s) {
	const { method, content } = req;
	const [id, action] = s;
	const known = (s.length === 1 && method === 'GET') || (s.length === 2 && method === 'POST' && (action === 'stop' || action === 'continue'));
	if (!known) return NOT_FOUND();
	const g = content.findGeneration(id);
	if (!g) return fail(404, 'Generation not found', 'not_found');
	if (s.length === 1) {
		g.polls += 1;
		return { status: 200, body: presentGeneration(content, g, Date.now()) };
	}
	// Stop and continue require the agent in the body (`require_agent!`), and it must be the generation's.
	const agentId = req.body.agent_id;
	if (agentId === undefined || agentId === null || agentId === '') return AGENT_NOT_FOUND();
	if (String(agentId) !== g.agent_id) return fail(404, 'Generation not found', 'not_found');
	if (action === 'stop') {
		if (!content.stop(g)) return fail(422, `Generation is already ${g.settled} and cannot be stopped`, 'job_cannot_be_stopped');
		return { status: 200, body: { generation_id: g.id, status: 'stopped' } };
	}
	if (!content.resume(g)) return invalid(`Generation is ${content.statusOf(g)}; only a stopped generation can be continued`);
	return { status: 200, body: { generation_id: g.id, status: 'pending' } };
}

/**
 * POST /v1/user_jobs/estimate `{agent_id, user_job: {user_job_type, data}}` (or `user_jobs: [...]`):
 * what the jobs would cost, checked like the generate route; nothing starts, nothing is charged.
 * @param {ApiRequest} req @param {string[]} s segments after 'user_jobs' @returns {ApiResult}
 */
function estimateRoute(req, s) {
	const { method, body, store } = req;
	if (method !== 'POST' || s.length !== 1 || s[0] !== 'estimate') return NOT_FOUND();
	const agentId = body.agent_id;
	const known = (typeof agentId === 'string' || typeof agentId === 'number') && store.state.agents.some((a) => a.id === String(agentId));
	if (!known) return AGENT_NOT_FOUND();
	const jobs = body.user_jobs ?? (body.user_job === undefined ? undefined : [body.user_job]);
	if (!Array.isArray(jobs) || jobs.length === 0) return invalid('user_job is required');
	/** @type {{ user_job_type: string, estimated_credits: number }[]} */
	const items = [];
	for (const job of jobs) {
		const error = job && typeof job === 'object' ? generationDataError(job.user_job_type, job.data) : 'user_job must be an object';
		if (error) return invalid(error);
		const type = String(job.user_job_type);
		items.push({ user_job_type: type, estimated_credits: costOf(type) });
	}
	const total = items.reduce((sum, item) => sum + item.estimated_credits, 0);
	return { status: 200, body: { estimate_id: `est_${crypto.randomUUID()}`, estimated_credits: total, status: 'estimated', items } };
}

/**
 * @param {ApiRequest} req
 * @returns {ApiResult | undefined} undefined when the path is not a content path
 */
function routeContent(req) {
	const [a, ...rest] = req.segments;
	if (a === 'user_jobs') return estimateRoute(req, rest);
	if (a !== 'vidsheet' && a !== 'templates' && a !== 'organizations' && a !== 'generations') return undefined;
	req.content.settle();
	if (a === 'vidsheet') return engineRoute(req, rest);
	if (a === 'templates') return templateRoute(req, rest);
	if (a === 'organizations') return organizationRoute(req, rest);
	return generationRoute(req, rest);
}

module.exports = { routeContent, presentGeneration, PAGE_SIZE };
