// @ts-check
'use strict';

/**
 * How GEN's API shows the content store's objects: generations, sheets (columns, rows, cells, with
 * the sheet shape's names and optional execution costs), templates and organizations.
 */

/**
 * @typedef {import('./engines').Engine} Engine
 * @typedef {import('./engines').Cell} Cell
 * @typedef {import('./engines').Row} Row
 * @typedef {import('./engines').Column} Column
 * @typedef {import('./generations').Generation} Generation
 * @typedef {import('./content').ContentStore} ContentStore
 */

/** @param {number} n credits as GEN shows them, e.g. "2.0" */
const money = (n) => n.toFixed(1);
/** @param {number} ms */
const seconds = (ms) => Math.floor(ms / 1000);

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

module.exports = { presentGeneration, presentColumn, presentCell, presentRow, presentSheet, presentTemplate, presentOrganization };
