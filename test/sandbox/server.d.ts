/* eslint-disable @n8n/community-nodes/no-restricted-imports -- types for the GEN sandbox, a Node server for the tests, not node code */
// Types for server.js (JSDoc there is the source of truth) so TypeScript tests can import it
// without `allowJs`. Self-contained on purpose: keep in step with server.js, faults.js, state.js, seed.js,
// content.js, content-routes.js and cdn.js.

import type { IncomingHttpHeaders } from 'node:http';

export interface SandboxOptions {
	/** 0 (default) = a free port */
	port?: number;
	/** default '127.0.0.1' */
	host?: string;
	/** delay before every API answer (default 0) */
	latencyMs?: number;
	/** append N generated active keys (ids 1001.., names bulk-key-0001..) */
	extraKeys?: number;
	/** default '204' */
	revokeStyle?: '204' | '200';
	/** how long a generation takes: pending for the first quarter, then processing, then done (default 0) */
	generationMs?: number;
	/** false = every /v1/vidsheet… request answers 422 usable_gen_credit_required (default true) */
	credits?: boolean;
	/** port of the CDN server (default 0 = a free port) */
	cdnPort?: number;
	/** port of the agent host (default 0 = a free port) */
	agentPort?: number;
}

export type AgentEnding = 'completed' | 'failed' | 'never' | 'awaiting_approval';

/** GEN's agent host (agent.gen.pro/v1): ideas, ideas / research jobs, chat runs; its own log and faults. */
export interface AgentHost {
	/** e.g. 'http://127.0.0.1:40124' */
	url: string;
	/** url + '/v1' */
	baseUrl: string;
	port: number;
	/** every request in arrival order (rejected ones too) */
	requests: RecordedRequest[];
	/** live state: ideas (seeded 501-504 for agent_1), jobs, runs */
	readonly state: {
		ideas: Array<Record<string, unknown>>;
		jobs: Map<string, Record<string, unknown>>;
		runs: Map<string, Record<string, unknown>>;
	};
	clearRequests(): void;
	/** restores the seed, clears faults and requests */
	reset(): void;
	/** queue a fault on this host (same shape as the main API's) */
	fault(fault: Fault): void;
	/** how jobs started from now on end: after `polls` polls (default 1), as `ending` */
	setJobOutcome(outcome: { ending: AgentEnding; polls?: number }): void;
	/** how chat runs started from now on end */
	setRunOutcome(outcome: { ending: AgentEnding; polls?: number }): void;
	/** how many times a job or run was polled */
	polls(id: string): number;
	close(): Promise<void>;
}

export interface RecordedRequest {
	method: string;
	/** raw path without the query */
	path: string;
	/** repeated parameters become arrays */
	query: Record<string, string | string[]>;
	/** raw request target as received, query included */
	url: string;
	/** lower-case names */
	headers: IncomingHttpHeaders;
	/** parsed JSON, the raw string when not JSON, undefined when empty */
	body: unknown;
	rawBody: string;
}

export interface Fault {
	/** answer with this status instead of serving the request */
	status?: number;
	/** how many matching requests it hits (default 1; -1 or Infinity = every one) */
	times?: number;
	/** method (any case) and exact path without query, e.g. '/v1/me' */
	match?: { method?: string; path?: string };
	/** Retry-After header in seconds (429 defaults to 1; null omits it) */
	retryAfter?: number | string | null;
	/** body override: a string as is ('' = empty body, no Content-Type); an object, array or null as JSON */
	body?: string | object | null;
	/** body sent as JSON whatever its type (`json: null` sends `null`); wins over `body` */
	json?: unknown;
	/** extra response headers, overriding the defaults, e.g. `{ Location: 'http://127.0.0.1:9/x' }` */
	headers?: Record<string, string | number | string[]>;
	/** wait this long first; without `status` the request is then served normally */
	delayMs?: number;
	/** drop the connection without answering (network error) */
	destroy?: boolean;
	/** with `status`: serve the request first (its effects happen), then answer the fault — a lost answer */
	serve?: boolean;
}

export type KeyStatus = 'active' | 'expired' | 'revoked';

export interface StoredKey {
	id: number;
	name: string;
	token_type: string;
	created_at: string;
	expires_at: string | null;
	last_used_at: string | null;
	revoked_at: string | null;
	/** the secret sent as X-API-Key (never returned by the API after creation) */
	token: string;
	/** derived live from revoked_at / expires_at */
	readonly status: KeyStatus;
}

export interface SandboxState {
	user: { id: string; email: string; name: string; username: string; created_at: string };
	keys: StoredKey[];
	workspaces: Array<{ id: string; name: string }>;
	agents: Array<{
		id: string;
		name: string;
		description: string | null;
		workspace_id: string;
		organization_id: string;
		time_zone: string | null;
		role: string;
	}>;
}

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

export interface CdnRequest {
	method: string;
	/** without the query */
	path: string;
	/** as received */
	url: string;
	headers: IncomingHttpHeaders;
	/** what the CDN answered (403 when X-API-Key / Authorization was sent) */
	status: number;
}

export interface Cdn {
	/** e.g. 'http://127.0.0.1:40123'; serves *.png, *.mp3, *.mp4 on any path */
	url: string;
	port: number;
	/** every request in arrival order, rejected ones too */
	requests: CdnRequest[];
	clearRequests(): void;
	close(): Promise<void>;
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

export type PublishPlatform = 'tiktok' | 'instagram' | 'facebook' | 'youtube' | 'x' | 'linkedin';

export interface Publishing {
	/** posts created from now on fail on this platform at their last step (null: stop failing it) */
	failPlatform(platform: PublishPlatform, failure?: { error?: string; error_code?: string; failed_step?: string } | null): void;
	/** the next create answers 422 platform_validation_failed with these errors */
	rejectNext(errors: { platform: string; field: string; error: string } | { platform: string; field: string; error: string }[]): void;
	/** posts as GEN shows them */
	posts(): Array<Record<string, unknown> & { id: number; platforms_status: Array<Record<string, unknown>> }>;
	/** GET /v1/schedule/post/{id} count */
	polls(id: string | number): number;
	reset(): void;
}

export interface Sandbox {
	/** e.g. 'http://127.0.0.1:4010' */
	url: string;
	/** url + '/v1' */
	baseUrl: string;
	port: number;
	/** token of key 1 (active) */
	apiKey: string;
	/** accepted as `Authorization: Bearer <jwt>` */
	jwt: string;
	/** in arrival order; the same array for the sandbox's life */
	requests: RecordedRequest[];
	/** live state (keys carry `token` and a live `status`; `content`: engines, generations, organizations, templates) */
	state: SandboxState & { content: ContentState };
	clearRequests(): void;
	/** restore seed, clear faults and requests, restore initial latency and revoke style */
	reset(): void;
	/** queue a fault (throws TypeError when invalid) */
	fault(fault: Fault): void;
	/** faults still queued (times -1 = always) */
	pendingFaults(): Fault[];
	clearFaults(): void;
	setLatency(ms: number): void;
	setRevokeStyle(style: '204' | '200'): void;
	/** stops listening (API and CDN) and drops keep-alive sockets */
	close(): Promise<void>;
	/** the CDN server that output_resources, avatars and covers point to */
	cdn: Cdn;
	/** GEN's agent host (ideas, research, agent chat), on its own port */
	agent: AgentHost;
	/** content resources and direct uploads (uploads.js), with the signed-upload storage host */
	uploads: Uploads;
	/** GEN's publishing (publishing.js): posts and their per-platform outcomes */
	publishing: Publishing;
	/** ids of the seeded content */
	seed: SeedIds;
	/** false = every /v1/vidsheet… request answers 422 usable_gen_credit_required */
	setCredits(enabled: boolean): void;
	/** duration of generations started (or continued) from now on */
	setGenerationMs(ms: number): void;
	/**
	 * How sheets name their parts from now on (until reset): the cell's column link
	 * (`spreadsheet_column_id`, GEN's n8n guide's `column_id`, or `none` as GEN's Cell schema),
	 * `spreadsheet_cells` or `cells`, a column's `title` or `name`.
	 */
	setSheetShape(shape: Partial<SheetShape>): void;
	/** the idempotency keys of the POSTs GEN did (a replay adds none) */
	idempotencyKeys(): string[];
	/** how the next matching generation(s), or one by id, end (throws TypeError when invalid) */
	generationOutcome(outcome: GenerationOutcome): void;
	/** queued outcomes (times -1 = every generation) */
	pendingGenerationOutcomes(): GenerationOutcome[];
	clearGenerationOutcomes(): void;
	/** how many times GET /v1/generations/{id} was requested (0 when unknown) */
	generationPolls(id: number | string): number;
	/** the generation as the API shows it now (not counted as a poll), undefined when unknown */
	generation(id: number | string): GenerationView | undefined;
	/** applies finished generations to their cells now (every request does it anyway) */
	settle(): void;
	/** API requests (not control, not CDN) being handled right now, latency wait included */
	readonly inFlight: number;
	/** most API requests handled at the same time since start, resetPeak() or reset() */
	readonly peakInFlight: number;
	/** peakInFlight = inFlight */
	resetPeak(): void;
}

export function startSandbox(options?: SandboxOptions): Promise<Sandbox>;

export interface SheetShape {
	cellColumnLink: 'spreadsheet_column_id' | 'column_id' | 'none';
	cellsKey: 'spreadsheet_cells' | 'cells';
	columnNameKey: 'title' | 'name';
}

export interface StorageRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	/** bytes received */
	bytes: number;
	/** base64 MD5 of what was received */
	md5: string;
	status: number;
}

export interface ContentResource {
	id: number;
	url: string;
	thumbnail_url: string | null;
	file_name: string;
	content_type: string;
}

export interface Uploads {
	/** origin of the signed-upload storage host (also serves GET /media/<name>?bytes=N) */
	storageUrl: string;
	storageRequests: StorageRequest[];
	resources(): ContentResource[];
	blobs(): Array<{ key: string; filename: string; byte_size: number; checksum: string; content_type: string; uploaded: boolean }>;
	/** how many times from_url answers {dw_job_id} before the resource */
	setImportSteps(n: number): void;
	/** the next PUT to storage answers this status */
	failNextPut(status: number, code?: string): void;
	seedResources(agentId: string, count: number, cdnUrl: string): void;
	reset(): void;
}
