// The content store: engines, organizations, templates, the sheet shape and the seed's ids
// (content.js, engines.js, content-seed.js).

import type { GenerationOutcome, StoredGeneration } from './generations';

export interface StoredColumn {
	id: number;
	title: string;
	temp_title: string | null;
	type: string;
	column_role: string;
	description: string | null;
	position: number;
	additional_attributes: Record<string, unknown>;
	created_at_ts: number;
	updated_at_ts: number;
}

export interface StoredCell {
	id: number;
	column_id: number;
	row_id: number;
	value: string | null;
	cell_role: string;
	additional_attributes: Record<string, unknown>;
	created_at_ts: number;
	updated_at_ts: number;
	user_job_ids: number[];
	default_user_job_id: number | null;
}

export interface StoredRow {
	id: number;
	position: number;
	additional_attributes: Record<string, unknown>;
	created_at_ts: number;
	updated_at_ts: number;
	cells: StoredCell[];
}

export interface StoredEngine {
	id: number;
	slug: string;
	title: string;
	uuid: string;
	project_type: string;
	is_default: boolean;
	status: string;
	agent_id: string;
	created_at_ts: number;
	updated_at_ts: number;
	columns: StoredColumn[];
	rows: StoredRow[];
}

export interface StoredOrganization {
	id: string;
	uuid: string;
	name: string;
	user_role: string;
	/** the seeded balance (the API shows it minus credits held by running generations) */
	credit: number;
	available_credit: { generic: number; aura: number };
	total_members: number;
	credit_plan: { id: string; name: string; cycle: string } | null;
}

export interface StoredTemplate {
	id: number;
	slug: string;
	uuid: string;
	title: string;
	description: string;
	tags: string[];
	columns: Array<{ title: string; type: string; column_role: string; description: string | null }>;
	rows: Array<Array<string | null>>;
}

export interface ContentState {
	engines: StoredEngine[];
	generations: StoredGeneration[];
	organizations: StoredOrganization[];
	templates: StoredTemplate[];
	creditsEnabled: boolean;
	generationMs: number;
	outcomeQueue: GenerationOutcome[];
}

export interface SheetShape {
	cellColumnLink: 'spreadsheet_column_id' | 'column_id' | 'none';
	cellsKey: 'spreadsheet_cells' | 'cells';
	columnNameKey: 'title' | 'name';
}

export interface SeedIds {
	/** 'agent_1' (owns the seeded engine) */
	agentId: string;
	/** 'ws_1' */
	organizationId: string;
	/** 101 */
	engineId: number;
	/** 201 Hook, 202 Script, 203 Voiceover, 204 Final Video */
	columns: { hook: number; script: number; voiceover: number; finalVideo: number };
	/** [301, 302, 303, 304] */
	rows: readonly number[];
	/** 4000 + 10 * row (1-4) + column (1-4) */
	cellId(row: number, column: number): number;
	/** [4022, 4032] */
	emptyScriptCells: readonly number[];
	/** 23 slugs in list order */
	templateSlugs: string[];
}
