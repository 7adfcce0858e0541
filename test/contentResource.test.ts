/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node */
import { Container } from '@n8n/di';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BinaryDataService } from 'n8n-core';
import { keyLocator, received, runGen, serialized, shown, useSandbox } from './support/gen';
import { IMAGE_ITEM, PNG_BASE64 } from './support/operations';

// n8n 2.x's default binary data mode: files live on disk and are read as streams.
beforeAll(async () => Container.get(BinaryDataService).init());

const gen = useSandbox();
const AGENT = keyLocator('agent_1');
const dir = mkdtempSync(join(tmpdir(), 'gen-upload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('base64');
const png = Buffer.from(PNG_BASE64, 'base64');
const pngItem = IMAGE_ITEM;
const upload = (extra: Record<string, unknown> = {}) => ({ resource: 'contentResource', operation: 'upload', agentId: AGENT, ...extra });

describe('Content Resource > Upload', () => {
	it('uploads an image in three steps: direct upload, a PUT without GEN key, the content resource', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, upload(), { items: [pngItem] });

		expect(error).toBeUndefined();
		const [blob] = sandbox.uploads.blobs();
		expect(received(sandbox)).toEqual([
			{ method: 'POST', path: '/v1/direct_upload', body: { blob: { filename: 'hero.png', byte_size: png.length, checksum: md5(png), content_type: 'image/png' } } },
			{ method: 'POST', path: '/v1/content_resources', body: { content_resource: { file: `signed-${blob.key}` } } },
		]);
		expect(sandbox.requests[1].query).toEqual({ agent_id: 'agent_1' });
		const [put] = sandbox.uploads.storageRequests;
		expect(put).toMatchObject({ method: 'PUT', status: 200, bytes: png.length, md5: md5(png) });
		expect(put.headers).toMatchObject({ 'content-type': 'image/png', 'content-md5': md5(png), 'content-length': String(png.length) });
		expect(put.headers['x-api-key']).toBeUndefined();
		expect(put.headers.authorization).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ id: 5000, url: `${sandbox.cdn.url}/uploads/${blob.key}/hero.png`, thumbnail_url: null, file_name: 'hero.png', content_type: 'image/png' }]);
	});

	it('streams a 50 MB file from disk and sends exactly its bytes; File Name and Content Type options win', async () => {
		const { sandbox } = gen;
		const bytes = Buffer.alloc(50 * 1024 * 1024);
		for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32LE(i * 2654435761 >>> 0, i);
		const path = join(dir, 'clip.mp4');
		writeFileSync(path, bytes);
		const { items, error } = await runGen(sandbox, upload({ options: { fileName: 'renamed.mp4', contentType: 'video/mp4' } }), {
			items: [{ __binary: { data: { path, mimeType: 'application/octet-stream' } } }],
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ blob: { filename: 'renamed.mp4', byte_size: bytes.length, checksum: md5(bytes), content_type: 'video/mp4' } });
		expect(sandbox.uploads.storageRequests.map(({ bytes: sent, md5: hash, status }) => [sent, hash, status])).toEqual([[bytes.length, md5(bytes), 200]]);
		expect(items[0].json).toMatchObject({ file_name: 'renamed.mp4', content_type: 'video/mp4' });
	});

	it('a checksum the storage refuses is an error of step 2, and no content resource', async () => {
		const { sandbox } = gen;
		sandbox.uploads.failNextPut(400, 'BadDigest');
		const { error } = await runGen(sandbox, upload(), { items: [pngItem] });

		expect(shown(error)).toMatchObject({
			message: "Upload step 2 of 3 (sending the file to GEN's storage) failed: the storage says the file does not match its MD5 checksum (HTTP 400, BadDigest)",
		});
		expect(received(sandbox).map(({ path }) => path)).toEqual(['/v1/direct_upload']);
		expect(sandbox.uploads.resources()).toEqual([]);
	});

	it('GEN asking for another checksum than the file has: nothing is sent to storage', async () => {
		const { sandbox } = gen;
		sandbox.fault({ status: 200, match: { path: '/v1/direct_upload' }, json: { signed_id: 's', direct_upload: { url: `${sandbox.uploads.storageUrl}/uploads/x?X-Amz-Signature=t`, headers: { 'Content-Type': 'image/png', 'Content-MD5': 'AAAAAAAAAAAAAAAAAAAAAA==' } } } });
		const { error } = await runGen(sandbox, upload(), { items: [pngItem] });

		expect(error?.message).toBe("Upload step 2 of 3 (sending the file to GEN's storage) failed: GEN expects another checksum than the file has");
		expect(sandbox.uploads.storageRequests).toEqual([]);
	});

	it('a 403 from the signed URL names the step and host, never the signed URL', async () => {
		const { sandbox } = gen;
		sandbox.uploads.failNextPut(403, 'AccessDenied');
		const { error, run } = await runGen(sandbox, upload(), { items: [pngItem] });

		const host = new URL(sandbox.uploads.storageUrl).host;
		expect(shown(error)).toEqual({
			message: `Upload step 2 of 3 (sending the file to GEN's storage) failed: HTTP 403 (AccessDenied) from ${host}`,
			description: 'No content resource was created. The signed upload URL was refused (it may have expired). Run again for a new one.',
			httpCode: null,
		});
		expect(serialized(run)).not.toContain('X-Amz-Signature');
		expect(received(sandbox).map(({ path }) => path)).toEqual(['/v1/direct_upload']);
	});

	it('a failed step 3 says the upload can be retried', async () => {
		const { sandbox } = gen;
		sandbox.fault({ status: 422, match: { path: '/v1/content_resources' }, json: { error: 'Unsupported file', error_code: 'content_resource_creation_failed' } });
		const { error } = await runGen(sandbox, upload(), { items: [pngItem] });

		expect(error?.message).toBe('Upload step 3 of 3 (creating the content resource) failed: GEN API error 422: Unsupported file [content_resource_creation_failed]');
		expect(error?.description).toMatch(/^The file reached GEN's storage, but GEN created no content resource from it\. The upload can be retried: run the node again\./);
	});

	it('refuses a file of 1 GB + 1 byte before anything is sent', async () => {
		const { sandbox } = gen;
		const path = join(dir, 'huge.bin');
		writeFileSync(path, '');
		truncateSync(path, 1024 ** 3 + 1);
		const { error } = await runGen(sandbox, upload(), { items: [{ __binary: { data: { path } } }] });
		rmSync(path);

		expect(error?.message).toBe('The file is too large for GEN: 1.00 GB (1073741825 bytes)');
		expect(sandbox.requests).toEqual([]);
	}, 60_000);

	it('refuses an item without the binary property, naming what it has', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, upload({ binaryPropertyName: 'video' }), { items: [pngItem] });

		expect(shown(error)).toMatchObject({ message: 'The input item has no binary property "video"', description: 'Its binary properties are "data": set Input Binary Field to one of them.' });
		expect(sandbox.requests).toEqual([]);
	});

	it('the uploaded image feeds Cell > Generate video_from_image in the same workflow', async () => {
		const { sandbox } = gen;
		const uploaded = await runGen(sandbox, upload(), { items: [pngItem] });
		const id = uploaded.items[0].json.id;
		const { error } = await runGen(
			sandbox,
			{ resource: 'cell', operation: 'generate', agentId: AGENT, contentEngineId: keyLocator('101'), cellId: keyLocator('4044'), generationType: 'video_from_image', prompt: 'zoom', imageResourceId: '={{ $json.id }}', waitForCompletion: false },
			{ items: [uploaded.items[0].json] },
		);

		expect(error).toBeUndefined();
		const generate = sandbox.requests.find(({ path }) => path.endsWith('/generate'));
		expect((generate?.body as { data: Record<string, unknown> }).data.image_resource_id).toBe(String(id));
	});
});

describe('Content Resource > Import From URL, Get, Get Many, Delete', () => {
	it('resends the dw_job_id until GEN answers the resource', async () => {
		const { sandbox } = gen;
		sandbox.uploads.setImportSteps(2);
		const url = 'https://www.tiktok.com/@x/video/1';
		const { items, error } = await runGen(sandbox, { resource: 'contentResource', operation: 'importFromUrl', agentId: AGENT, url });

		expect(error).toBeUndefined();
		const job = (sandbox.requests[1].body as { dw_job_id: string }).dw_job_id;
		expect(received(sandbox)).toEqual([
			{ method: 'POST', path: '/v1/content_resources/from_url', body: { agent_id: 'agent_1', url } },
			{ method: 'POST', path: '/v1/content_resources/from_url', body: { agent_id: 'agent_1', url, dw_job_id: job } },
			{ method: 'POST', path: '/v1/content_resources/from_url', body: { agent_id: 'agent_1', url, dw_job_id: job } },
		]);
		expect(items[0].json).toMatchObject({ id: 5000, content_type: 'video/mp4' });
	}, 20_000);

	it('times out within Options > Timeout (Minutes), naming the job', async () => {
		const { sandbox } = gen;
		sandbox.uploads.setImportSteps(100);
		const { error } = await runGen(sandbox, { resource: 'contentResource', operation: 'importFromUrl', agentId: AGENT, url: 'https://example.com/a.mp4', options: { timeoutMinutes: 0 } });

		expect(error?.message).toBe("GEN's download of https://example.com/a.mp4 is not finished within the timeout");
		expect(sandbox.requests).toHaveLength(1);
	});

	it('refuses a URL that is not a web address', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, { resource: 'contentResource', operation: 'importFromUrl', agentId: AGENT, url: 'ftp://x' });
		expect(error?.message).toBe('URL "ftp://x" is not a web address');
		expect(sandbox.requests).toEqual([]);
	});

	it('Get Many reads pages from 0 with the Type filter, or stops at Limit', async () => {
		const { sandbox } = gen;
		sandbox.uploads.seedResources('agent_1', 45, sandbox.cdn.url);
		const all = await runGen(sandbox, { resource: 'contentResource', operation: 'getAll', agentId: AGENT, type: 'image', returnAll: true });
		expect(all.items).toHaveLength(45);
		expect(sandbox.requests.map(({ query }) => query)).toEqual([0, 1, 2].map((page) => ({ agent_id: 'agent_1', type: 'image', page: String(page) })));

		sandbox.clearRequests();
		const some = await runGen(sandbox, { resource: 'contentResource', operation: 'getAll', agentId: AGENT, limit: 5 });
		expect(some.items).toHaveLength(5);
		expect(sandbox.requests.map(({ query }) => query)).toEqual([{ agent_id: 'agent_1', page: '0' }]);
	});

	it('Get outputs the resource with its generator; Delete removes it (IDs URL-encoded)', async () => {
		const { sandbox } = gen;
		sandbox.uploads.seedResources('agent_1', 1, sandbox.cdn.url);
		const got = await runGen(sandbox, { resource: 'contentResource', operation: 'get', agentId: AGENT, contentResourceId: keyLocator('5000') });
		expect(got.items[0].json).toMatchObject({ id: 5000, file_name: 'seed-0.png', generator: null });

		const deleted = await runGen(sandbox, { resource: 'contentResource', operation: 'delete', agentId: AGENT, contentResourceId: keyLocator('5000') });
		expect(deleted.items[0].json).toEqual({ id: '5000', deleted: true });
		expect(sandbox.uploads.resources()).toEqual([]);

		const odd = await runGen(sandbox, { resource: 'contentResource', operation: 'get', agentId: AGENT, contentResourceId: keyLocator('a/b?c') });
		expect(sandbox.requests.at(-1)?.path).toBe('/v1/content_resources/a%2Fb%3Fc');
		expect(odd.error?.message).toBe('GEN API error 404: Content resource not found [content_resource_not_found]');
	});
});
