// Generations (generations.js, generation-results.js, content-presenters.js).

export type GenerationStatus = 'pending' | 'processing' | 'completed' | 'failed' | 'stopped';

export interface GenerationOutcome {
	/** how the generation ends once its time is up ('never' = stays processing) */
	outcome: 'completed' | 'failed' | 'stopped' | 'never';
	/** for 'failed' (default "Generation failed in the sandbox") */
	failedReason?: string;
	/** how many new generations it applies to (default 1; -1 = every one); ignored with generationId */
	times?: number;
	/** only generations of this user_job_type ('text', 'speech_from_text', 'render', …) */
	type?: string;
	/** apply to this existing, unfinished generation instead */
	generationId?: number | string;
}

export interface OutputResource {
	id: number;
	url: string;
	thumbnail_url: string | null;
	object_type: 'Image' | 'Audio' | 'Video';
	type: 'output';
}

/** A generation as GET /v1/generations/{id} returns it. */
export interface GenerationView {
	id: number;
	status: GenerationStatus;
	user_job_type: string;
	/** null until completed; `{text}`, `{url}` or `{captions}` */
	result: Record<string, unknown> | null;
	failed_reason: string | null;
	output_resources: OutputResource[];
	/** credits held, e.g. "1.0" ("0.0" once refunded) */
	execution_cost: string;
}

/** A generation as the sandbox stores it (`sandbox.state.content.generations`). */
export interface StoredGeneration {
	id: number;
	user_job_type: string;
	sheet_id: number;
	cell_id: number;
	/** the cell the result goes to (render: the row's final_video cell) */
	target_cell_id: number;
	agent_id: string;
	organization_id: string;
	data: Record<string, unknown>;
	created_at_ts: number;
	started_at_ts: number;
	duration_ms: number;
	outcome: GenerationOutcome['outcome'];
	planned_failed_reason: string | null;
	/** final status once reached */
	settled: GenerationStatus | null;
	failed_reason: string | null;
	result: Record<string, unknown> | null;
	output_resources: OutputResource[];
	cost: number;
	charged: boolean;
	/** GET /v1/generations/{id} requests so far */
	polls: number;
}
