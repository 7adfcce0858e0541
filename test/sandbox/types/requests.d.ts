/* eslint-disable @n8n/community-nodes/no-restricted-imports -- types for the GEN sandbox, a Node server for the tests, not node code */
// The request log of the sandbox's hosts (server.js, agent.js, http-host.js) and the faults they inject (faults.js).

import type { IncomingHttpHeaders } from 'node:http';

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
