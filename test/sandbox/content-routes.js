// @ts-check
'use strict';

/**
 * Content production routes: `/v1/vidsheet…` (vidsheet-routes.js), `/v1/templates…`, `/v1/organizations…`,
 * `/v1/generations…`, `/v1/user_jobs/estimate`. Called by routes.js after authentication.
 */

const crypto = require('node:crypto');
const { costOf } = require('./generations');
const { generationDataError } = require('./generation-data');
const { engineRoute } = require('./vidsheet-routes');
const { presentGeneration, presentSheet, presentTemplate, presentOrganization } = require('./content-presenters');
const { fail, notFound, invalid, agentNotFound } = require('./util');

/**
 * @typedef {import('./routes').ApiResult} ApiResult
 * @typedef {import('./routes').ApiRequest} ApiRequest
 */

const PAGE_SIZE = 20;

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
		if (!t) return notFound();
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
		if (!t) return notFound();
		const agentId = body.agent_id;
		const agent =
			typeof agentId === 'string' || typeof agentId === 'number'
				? store.state.agents.find((a) => a.id === String(agentId))
				: undefined;
		if (!agent) return agentNotFound();
		const engine = content.createEngine({ title: t.title, agent_id: agent.id, columns: t.columns, rows: t.rows });
		return { status: 201, body: presentSheet(content, engine, false, Date.now()) };
	}
	return notFound();
}

/** @param {ApiRequest} req @param {string[]} s segments after 'organizations' @returns {ApiResult} */
function organizationRoute(req, s) {
	const { method, content, cdnUrl } = req;
	if (method !== 'GET') return notFound();
	if (s.length === 0) {
		return { status: 200, body: content.state.organizations.map((o) => presentOrganization(content, cdnUrl, o)) };
	}
	if (s.length === 1) {
		const o = content.organization(s[0]);
		return o
			? { status: 200, body: presentOrganization(content, cdnUrl, o) }
			: fail(422, 'Organization not found', 'organization_not_found');
	}
	return notFound();
}

/** @param {ApiRequest} req @param {string[]} s segments after 'generations' @returns {ApiResult} */
function generationRoute(req, s) {
	const { method, content } = req;
	const [id, action] = s;
	const known = (s.length === 1 && method === 'GET') || (s.length === 2 && method === 'POST' && (action === 'stop' || action === 'continue'));
	if (!known) return notFound();
	const g = content.findGeneration(id);
	if (!g) return fail(404, 'Generation not found', 'not_found');
	if (s.length === 1) {
		g.polls += 1;
		return { status: 200, body: presentGeneration(content, g, Date.now()) };
	}
	// Stop and continue require the agent in the body (`require_agent!`), and it must be the generation's.
	const agentId = req.body.agent_id;
	if (agentId === undefined || agentId === null || agentId === '') return agentNotFound();
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
	if (method !== 'POST' || s.length !== 1 || s[0] !== 'estimate') return notFound();
	const agentId = body.agent_id;
	const known = (typeof agentId === 'string' || typeof agentId === 'number') && store.state.agents.some((a) => a.id === String(agentId));
	if (!known) return agentNotFound();
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

module.exports = { routeContent };
