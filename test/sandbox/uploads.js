// @ts-check
'use strict';

/**
 * GEN's content resources and direct uploads (CONTRACT.md "Content resources and uploads"), with
 * a second local host standing in for the signed storage URL (S3). The storage host refuses any
 * request with `X-API-Key` or `Authorization`, checks Content-Type, Content-MD5 (against the bytes
 * as they stream in) and length, and keeps only each upload's size and MD5, never the bytes. It
 * also serves `GET /media/<name>?bytes=N`: N deterministic bytes, streamed, for large downloads.
 */

const http = require('node:http');
const crypto = require('node:crypto');
const { fail } = require('./util');

const PAGE = 20;
const TYPES = ['image', 'video', 'audio', 'zip', 'safe_tensors'];
const MAX_BYTES = 1024 ** 3;

/**
 * @typedef {{ key: string, token: string, filename: string, byte_size: number, checksum: string, content_type: string, uploaded: boolean }} Blob
 * @typedef {{ id: number, url: string, thumbnail_url: string | null, file_name: string, content_type: string, agent_id: string }} Resource
 * @typedef {{ method: string, path: string, headers: import('node:http').IncomingHttpHeaders, bytes: number, md5: string, status: number }} StorageRequest
 */

/** @param {string} contentType */
const typeOf = (contentType) =>
	contentType.startsWith('image/') ? 'image' : contentType.startsWith('video/') ? 'video' : contentType.startsWith('audio/') ? 'audio' : contentType.includes('zip') ? 'zip' : 'safe_tensors';


/** @param {{ host: string }} options */
async function startUploads({ host }) {
	/** @type {Map<string, Blob>} */
	const blobs = new Map();
	/** @type {Resource[]} */
	let resources = [];
	/** @type {StorageRequest[]} */
	const storageRequests = [];
	/** @type {Map<string, number>} url → resends still needed before the import is done */
	const imports = new Map();
	let nextId = 5000;
	let importSteps = 0;
	const server = http.createServer((req, res) => storage(req, res));
	await new Promise((resolve) => server.listen(0, host, () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const storageUrl = `http://${host}:${address.port}`;

	/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
	function storage(req, res) {
		const url = new URL(req.url ?? '/', storageUrl);
		const hash = crypto.createHash('md5');
		let bytes = 0;
		req.on('data', (/** @type {Buffer} */ chunk) => {
			hash.update(chunk);
			bytes += chunk.length;
		});
		req.on('end', () => {
			const md5 = hash.digest('base64');
			const answer = (/** @type {number} */ status, /** @type {string} */ code) => {
				storageRequests.push({ method: req.method ?? '', path: url.pathname, headers: { ...req.headers }, bytes, md5, status });
				const body = code ? `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>` : '';
				res.writeHead(status, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(body)) });
				res.end(body);
			};
			if (req.headers['x-api-key'] !== undefined || req.headers.authorization !== undefined) return answer(403, 'AccessDenied');
			if (req.method === 'GET' && url.pathname.startsWith('/media/')) return serveMedia(url, req, res);
			const blob = blobs.get(url.pathname.replace(/^\/uploads\//, ''));
			if (req.method !== 'PUT' || !blob) return answer(404, 'NoSuchKey');
			if (url.searchParams.get('X-Amz-Signature') !== blob.token) return answer(403, 'SignatureDoesNotMatch');
			if (fault.next) {
				const { next: status, code } = fault;
				fault.next = 0;
				return answer(status, code);
			}
			if (req.headers['content-type'] !== blob.content_type) return answer(403, 'SignatureDoesNotMatch');
			if (req.headers['content-md5'] !== blob.checksum) return answer(400, 'InvalidDigest');
			if (bytes !== blob.byte_size || req.headers['content-length'] !== String(blob.byte_size)) return answer(400, 'IncompleteBody');
			if (md5 !== blob.checksum) return answer(400, 'BadDigest');
			blob.uploaded = true;
			return answer(200, '');
		});
	}

	/** Deterministic bytes (i & 0xff ^ i >> 8), streamed in 64 KiB chunks. */
	function serveMedia(/** @type {URL} */ url, /** @type {http.IncomingMessage} */ req, /** @type {http.ServerResponse} */ res) {
		const size = Number(url.searchParams.get('bytes') ?? 1024);
		storageRequests.push({ method: 'GET', path: url.pathname, headers: { ...req.headers }, bytes: 0, md5: '', status: 200 });
		res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(size) });
		const chunk = Buffer.alloc(65536);
		for (let i = 0; i < chunk.length; i++) chunk[i] = (i & 0xff) ^ (i >> 8);
		let sent = 0;
		const pump = () => {
			while (sent < size) {
				const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
				sent += part.length;
				if (!res.write(part)) return void res.once('drain', pump);
			}
			res.end();
		};
		pump();
	}

	/** The next PUT answers this status (0 = none). */
	const fault = { next: 0, code: '' };

	/** @param {Resource} r */
	const present = ({ agent_id: _agent, ...r }) => r;

	/**
	 * @param {{ method: string, segments: string[], query: URLSearchParams, body: Record<string, unknown>, cdnUrl: string }} req
	 * @returns {{ status: number, body?: unknown } | undefined}
	 */
	function route({ method, segments, query, body, cdnUrl }) {
		const [first, second, third] = segments;
		if (first === 'direct_upload' && segments.length === 1 && method === 'POST') return createBlob(body);
		if (first !== 'content_resources') return undefined;
		if (second === 'from_url' && segments.length === 2 && method === 'POST') return fromUrl(body, cdnUrl);
		const agentId = query.get('agent_id');
		if (!agentId) return fail(422, 'agent_id is required', 'validation_error');
		if (segments.length === 1 && method === 'GET') return list(agentId, query);
		if (segments.length === 1 && method === 'POST') return create(agentId, body, cdnUrl);
		if (segments.length !== 2 || third !== undefined) return undefined;
		const index = resources.findIndex((r) => String(r.id) === second && r.agent_id === agentId);
		if (index < 0) return fail(404, 'Content resource not found', 'content_resource_not_found');
		if (method === 'GET') return { status: 200, body: { content_resource: present(resources[index]), generator: null } };
		if (method === 'DELETE') {
			resources.splice(index, 1);
			return { status: 200 };
		}
		return undefined;
	}

	/** @param {Record<string, unknown>} body */
	function createBlob(body) {
		const blob = /** @type {Record<string, unknown>} */ (body.blob ?? {});
		const { filename, byte_size: size, checksum, content_type: type } = blob;
		if (typeof filename !== 'string' || !filename || typeof checksum !== 'string' || typeof type !== 'string' || !Number.isInteger(size)) {
			return fail(422, 'blob needs filename, byte_size, checksum and content_type', 'direct_upload_failed');
		}
		if (/** @type {number} */ (size) > MAX_BYTES) return fail(422, 'File exceeds the 1 GB maximum', 'file_size_exceeded');
		const key = crypto.randomBytes(8).toString('hex');
		const token = crypto.randomBytes(12).toString('hex');
		/** @type {Blob} */
		const stored = { key, token, filename, byte_size: /** @type {number} */ (size), checksum, content_type: type, uploaded: false };
		blobs.set(key, stored);
		return {
			status: 200,
			body: {
				id: key,
				key,
				filename,
				content_type: type,
				byte_size: size,
				checksum,
				signed_id: `signed-${key}`,
				direct_upload: { url: `${storageUrl}/uploads/${key}?X-Amz-Signature=${token}`, headers: { 'Content-Type': type, 'Content-MD5': checksum } },
			},
		};
	}

	/** @param {string} agentId @param {Record<string, unknown>} body @param {string} cdnUrl */
	function create(agentId, body, cdnUrl) {
		const file = /** @type {Record<string, unknown>} */ (body.content_resource ?? {}).file;
		const blob = typeof file === 'string' ? blobs.get(file.replace(/^signed-/, '')) : undefined;
		if (!blob || !blob.uploaded) return fail(422, 'File is missing or was not uploaded', 'content_resource_creation_failed');
		const resource = add(agentId, blob.filename, blob.content_type, `${cdnUrl}/uploads/${blob.key}/${encodeURIComponent(blob.filename)}`);
		return { status: 201, body: { content_resource: present(resource), generator: null } };
	}

	/** @param {string} agentId @param {string} name @param {string} type @param {string} url */
	function add(agentId, name, type, url) {
		/** @type {Resource} */
		const resource = { id: nextId++, url, thumbnail_url: null, file_name: name, content_type: type, agent_id: agentId };
		resources.unshift(resource);
		return resource;
	}

	/** @param {string} agentId @param {URLSearchParams} query */
	function list(agentId, query) {
		const type = query.get('type');
		if (type !== null && !TYPES.includes(type)) return fail(422, 'type is invalid', 'validation_error');
		const page = Number(query.get('page') ?? 0);
		const mine = resources.filter((r) => r.agent_id === agentId && (type === null || typeOf(r.content_type) === type));
		return { status: 200, body: mine.slice(page * PAGE, page * PAGE + PAGE).map(present) };
	}

	/** A long download answers {dw_job_id} `importSteps` times, each resend with that id counting down. */
	function fromUrl(/** @type {Record<string, unknown>} */ body, /** @type {string} */ cdnUrl) {
		const { agent_id: agentId, url, dw_job_id: job } = body;
		if (typeof agentId !== 'string' && typeof agentId !== 'number') return fail(422, 'agent_id is required', 'validation_error');
		if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return fail(422, 'url is invalid', 'validation_error');
		const key = `${agentId} ${url}`;
		if (job === undefined) imports.set(key, importSteps);
		else if (job !== `dw_${Buffer.from(key).toString('hex').slice(0, 12)}`) return fail(422, 'dw_job_id is unknown', 'validation_error');
		const left = imports.get(key) ?? 0;
		if (left > 0) {
			imports.set(key, left - 1);
			return { status: 200, body: { dw_job_id: `dw_${Buffer.from(key).toString('hex').slice(0, 12)}` } };
		}
		imports.delete(key);
		const name = url.split('/').pop() || 'video.mp4';
		const resource = add(String(agentId), name, 'video/mp4', `${cdnUrl}/imports/${nextId}.mp4`);
		return { status: 200, body: { content_resource: present(resource), generator: null } };
	}

	return {
		storageUrl,
		storageRequests,
		route,
		resources: () => resources.map(present),
		blobs: () => [...blobs.values()],
		/** How many times from_url answers {dw_job_id} before the resource (default 0). */
		setImportSteps(/** @type {number} */ n) {
			importSteps = n;
		},
		/** The next PUT answers this status and S3 error code (e.g. 403 AccessDenied, 400 BadDigest). */
		failNextPut(/** @type {number} */ status, code = 'InternalError') {
			fault.next = status;
			fault.code = code;
		},
		/** Adds `count` resources of the agent (for paging). */
		seedResources(/** @type {string} */ agentId, /** @type {number} */ count, /** @type {string} */ cdnUrl) {
			for (let i = 0; i < count; i++) add(agentId, `seed-${i}.png`, 'image/png', `${cdnUrl}/seed/${i}.png`);
		},
		reset() {
			blobs.clear();
			resources = [];
			imports.clear();
			storageRequests.length = 0;
			importSteps = 0;
			fault.next = 0;
			nextId = 5000;
		},
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve(undefined));
				server.closeAllConnections();
			}),
	};
}

module.exports = { startUploads };
