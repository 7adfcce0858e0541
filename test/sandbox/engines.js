// @ts-check
'use strict';

/**
 * Auto Content Engines (vidsheets): their columns, rows and cells, with ids and positions. Part of
 * the content store (content.js), which owns the state.
 */

const crypto = require('node:crypto');

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
 */

/** New engines, rows, columns and cells share one id counter, from here. */
const FIRST_ID = 10001;

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
 * @template {{ position: number }} T
 * @param {T[]} list @param {T} item @param {number | undefined} position
 */
function insertAt(list, item, position) {
	const index = position === undefined ? list.length : Math.min(Math.max(position, 1), list.length + 1) - 1;
	list.splice(index, 0, item);
	renumber(list);
}

/** @param {Row} row @param {number} columnId */
const cellOf = (row, columnId) => row.cells.find((c) => c.column_id === columnId);

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

/** @param {{ engines: Engine[] }} state  the content store's state */
function createEngineStore(state) {
	let nextId = FIRST_ID;
	const newId = () => nextId++;

	/** The seeded engines again, new ids counted from the start. @param {import('./content-seed').EngineSpec[]} specs */
	function reset(specs) {
		nextId = FIRST_ID;
		state.engines.splice(0, Infinity, ...specs.map(engineFromSpec));
	}

	/** @param {string} title @param {string} slugBase */
	function slugify(title, slugBase = '') {
		const base = (slugBase || title).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'engine';
		let slug = base;
		for (let n = 2; state.engines.some((e) => e.slug === slug); n++) slug = `${base}-${n}`;
		return slug;
	}

	/** @param {Column[]} columns @param {number} rowId @param {Array<string | null>} values @param {number} now @returns {Row} */
	const makeRow = (columns, rowId, values, now) => ({
		id: rowId,
		position: 0,
		additional_attributes: {},
		created_at_ts: now,
		updated_at_ts: now,
		cells: columns.map((col, i) => makeCell(newId(), col.id, rowId, values[i] ?? null, now)),
	});

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
		const rows = input.rows.map((values) => makeRow(columns, newId(), values, now));
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

	/** @param {Engine} engine @param {number | undefined} position 1-based; undefined = append */
	function addRow(engine, position) {
		const now = Date.now();
		const row = makeRow(engine.columns, newId(), [], now);
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

	return { reset, createEngine, cloneEngine, findEngine, findRow, findCell, cellById, cellOf, addRow, duplicateRow, addColumn };
}

module.exports = { createEngineStore, touch };
