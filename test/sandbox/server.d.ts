/* eslint-disable @n8n/community-nodes/no-restricted-imports -- types for the GEN sandbox, a Node server for the tests, not node code */
// Types for server.js (JSDoc there is the source of truth) so TypeScript tests can import it
// without `allowJs`. Self-contained on purpose: keep in step with server.js, faults.js, state.js, seed.js.

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
	/** body override; objects are sent as JSON */
	body?: string | object;
	/** wait this long first; without `status` the request is then served normally */
	delayMs?: number;
	/** drop the connection without answering (network error) */
	destroy?: boolean;
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
	/** live state (keys carry `token` and a live `status`) */
	state: SandboxState;
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
	/** stops listening and drops keep-alive sockets */
	close(): Promise<void>;
}

export function startSandbox(options?: SandboxOptions): Promise<Sandbox>;
