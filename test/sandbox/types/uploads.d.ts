/* eslint-disable @n8n/community-nodes/no-restricted-imports -- types for the GEN sandbox, a Node server for the tests, not node code */
// Content resources, direct uploads and the signed-upload storage host (uploads.js).

import type { IncomingHttpHeaders } from 'node:http';

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
