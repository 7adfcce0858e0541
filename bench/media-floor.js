#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * The floor of `npm run bench:media` (media.js forks it on n8n's Node): the same transfers with
 * Node's fetch, streaming. Upload: node:crypto MD5 over a file stream, POST /v1/direct_upload, the
 * signed PUT with the file stream as body, POST /v1/content_resources. Download: the GET body piped
 * into a file. One transfer per IPC message; answers `{ms}` or `{error}`.
 */

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { pipeline } = require('node:stream/promises');
const { Readable } = require('node:stream');

/** @param {{ kind: 'upload' | 'download', size: number, baseUrl: string, apiKey: string, file: string, url: string }} task */
async function floorTransfer({ kind, size, baseUrl, apiKey, file, url }) {
	const api = async (/** @type {string} */ route, /** @type {object} */ body) => {
		const response = await fetch(`${baseUrl}${route}`, { method: 'POST', headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		if (!response.ok) throw new Error(`${route}: ${response.status}`);
		return /** @type {any} */ (await response.json());
	};
	if (kind === 'download') {
		const response = await fetch(url);
		if (!response.ok || !response.body) throw new Error(`GET: ${response.status}`);
		await pipeline(Readable.fromWeb(/** @type {any} */ (response.body)), fs.createWriteStream(file));
		return;
	}
	const hash = crypto.createHash('md5');
	await pipeline(fs.createReadStream(file), hash);
	const checksum = hash.digest('base64');
	const blob = await api('/direct_upload', { blob: { filename: path.basename(file), byte_size: size, checksum, content_type: 'application/octet-stream' } });
	const put = await fetch(blob.direct_upload.url, {
		method: 'PUT',
		headers: { ...blob.direct_upload.headers, 'Content-Length': String(size) },
		body: /** @type {any} */ (fs.createReadStream(file)),
		// Node's fetch needs this for a stream body
		duplex: 'half',
	});
	if (!put.ok) throw new Error(`PUT: ${put.status}`);
	await api('/content_resources?agent_id=agent_1', { content_resource: { file: blob.signed_id } });
}

process.on('message', (/** @type {any} */ task) => {
	const started = performance.now();
	floorTransfer(task).then(
		() => process.send?.({ ms: performance.now() - started }),
		(error) => process.send?.({ error: String(error?.stack ?? error) }),
	);
});
process.send?.({ ready: true });
