/* eslint-disable @n8n/community-nodes/no-restricted-imports -- types for the GEN sandbox, a Node server for the tests, not node code */
// The CDN host (cdn.js).

import type { IncomingHttpHeaders } from 'node:http';

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
