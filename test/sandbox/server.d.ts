// Types for server.js, so TypeScript tests can import it; server.js takes them from here too
// (`import('./server')`). The parts are in types/, one file per host or store, each naming the
// JavaScript it describes: keep them in step with it.

import type { SandboxState } from './types/accounts';
import type { AgentHost } from './types/agent';
import type { Cdn } from './types/cdn';
import type { ContentState, SeedIds, SheetShape } from './types/content';
import type { GenerationOutcome, GenerationView } from './types/generations';
import type { Publishing } from './types/publishing';
import type { Fault, RecordedRequest } from './types/requests';
import type { Uploads } from './types/uploads';

export type * from './types/accounts';
export type * from './types/agent';
export type * from './types/cdn';
export type * from './types/content';
export type * from './types/generations';
export type * from './types/publishing';
export type * from './types/requests';
export type * from './types/uploads';

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
