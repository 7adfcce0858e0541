/* eslint-disable @n8n/community-nodes/no-restricted-imports -- end-to-end test code runs in Node, not inside n8n */
/**
 * The user's own file into GEN and on into a generation, in the real n8n app on each line:
 * Read/Write Files from Disk (read) → GEN Content Resource > Upload → GEN Cell > Generate
 * (video_from_image with `{{ $json.id }}`, Download Output on). Asserts on what the sandbox's API,
 * its signed-upload storage host and its CDN received, and on n8n's run data.
 *
 * The file sits in `~/.n8n-files` of the instance (HOME is its user folder): n8n 2.x reads files
 * only there by default (N8N_RESTRICT_FILE_ACCESS_TO); 1.x reads it there too.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as n8n from '../../scripts/e2e/lib/n8n';
import { nodeItems, nodeRuns } from '../../scripts/e2e/lib/run-data';
import { linesToTest, received } from '../../scripts/e2e/lib/suite';
import { startSandbox, type Sandbox } from '../sandbox/server';

const WORKFLOW_ID = 'e2eMediaUploadToGen';
const AGENT = { __rl: true, mode: 'id', value: 'agent_1' };
const credentials = { genApi: { id: 'genApiE2e', name: 'GEN account' } };
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('base64');

/** The workflow, reading `file`. */
function uploadToGenerate(file: string) {
	const node = (name: string, x: number, type: string, typeVersion: number, parameters: object, extra: object = {}) => ({
		id: `${WORKFLOW_ID}-${x}`,
		name,
		type,
		typeVersion,
		position: [x, 0],
		parameters,
		...extra,
	});
	const gen = (name: string, x: number, parameters: object) => node(name, x, n8n.NODE_TYPE, 1, parameters, { credentials });
	const nodes = [
		node('Start', 0, 'n8n-nodes-base.manualTrigger', 1, {}),
		node('Read photo', 220, 'n8n-nodes-base.readWriteFile', 1, { operation: 'read', fileSelector: file, options: {} }),
		gen('Upload', 440, { resource: 'contentResource', operation: 'upload', agentId: AGENT, binaryPropertyName: 'data', options: {} }),
		gen('Animate', 660, {
			resource: 'cell',
			operation: 'generate',
			agentId: AGENT,
			contentEngineId: { __rl: true, mode: 'id', value: '101' },
			cellId: { __rl: true, mode: 'id', value: '4044' },
			generationType: 'video_from_image',
			prompt: 'slow zoom in',
			imageResourceId: '={{ $json.id }}',
			options: { downloadOutput: true, pollIntervalSeconds: 1 },
		}),
	];
	const chain = (from: string, to: string) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });
	return {
		id: WORKFLOW_ID,
		name: 'GEN e2e: read a file, upload it, generate a video from it',
		nodes,
		connections: { ...chain('Start', 'Read photo'), ...chain('Read photo', 'Upload'), ...chain('Upload', 'Animate') },
		settings: { executionOrder: 'v1' },
	};
}

/**
 * A binary item's bytes: inline (base64) or, in filesystem mode, from the instance's storage folder
 * (2.x: .n8n/storage, 1.x: .n8n/binaryData).
 */
function binaryBytes(app: n8n.N8nInstance, binary: { data?: string; id?: string }) {
	const [, relative] = /^filesystem(?:-v2)?:(.*)$/.exec(binary.id ?? '') ?? [];
	if (!relative) return Buffer.from(binary.data ?? '', 'base64');
	return readFileSync(join(app.userFolder, '.n8n', app.line === '1' ? 'binaryData' : 'storage', relative));
}

afterAll(async () => n8n.stopAll());

describe.each(linesToTest())('n8n $version (line $line): a file from disk into GEN', ({ line }) => {
	let sandbox: Sandbox;
	let app: n8n.N8nInstance;
	/** The sandbox CDN's PNG and MP4, as anyone downloads them. */
	let photo: Buffer;
	let video: Buffer;

	beforeAll(async () => {
		sandbox = await startSandbox();
		const served = async (name: string) => Buffer.from(await (await fetch(`${sandbox.cdn.url}/${name}`)).arrayBuffer());
		[photo, video] = [await served('photo.png'), await served('video.mp4')];
		app = await n8n.createInstance({ line, label: `media-v${line}` });
		const dir = join(app.userFolder, '.n8n-files');
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, 'product photo.png'), photo);
		await app.importCredentials([n8n.genApiCredential({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl })]);
		await app.importWorkflows([uploadToGenerate(join(dir, 'product photo.png'))]);
	});

	beforeEach(() => {
		sandbox?.reset();
		sandbox?.cdn.clearRequests();
	});

	afterAll(async () => {
		await app?.dispose();
		await sandbox?.close();
	});

	// 2.x keeps binary data on disk by default, 1.x in the item (base64): both are the node's input here.
	test.each([
		{ mode: "the line's default" as const, env: {} },
		{ mode: 'filesystem' as const, env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' } },
	])('binary data mode: $mode', async ({ env }) => {
		const run = await app.execute(WORKFLOW_ID, { env });
		if (!run.ok) throw new Error(`n8n execute failed (exit ${run.code}, signal ${run.signal}):\n${run.stdout.slice(-6000)}\n${run.stderr.slice(-3000)}`);
		expect(run.data.status).toBe('success');

		// Upload: GEN's content resource, ready for the generation fields.
		const [resource] = nodeItems(run.data, 'Upload');
		expect(resource).toMatchObject({ id: expect.any(Number), file_name: 'product photo.png', content_type: 'image/png', url: expect.stringContaining('/uploads/') });
		const [blob] = sandbox.uploads.blobs();
		expect(blob).toMatchObject({ filename: 'product photo.png', byte_size: photo.length, checksum: md5(photo), content_type: 'image/png', uploaded: true });

		// What GEN's API received: the three upload steps' two API calls, then the generation.
		const api = received(sandbox.requests).filter((r) => !r.path.startsWith('/v1/generations/'));
		expect(api).toEqual([
			{
				method: 'POST',
				path: '/v1/direct_upload',
				query: {},
				apiKey: sandbox.apiKey,
				authorization: undefined,
				body: { blob: { filename: 'product photo.png', byte_size: photo.length, checksum: md5(photo), content_type: 'image/png' } },
			},
			{
				method: 'POST',
				path: '/v1/content_resources',
				query: { agent_id: 'agent_1' },
				apiKey: sandbox.apiKey,
				authorization: undefined,
				body: { content_resource: { file: `signed-${blob.key}` } },
			},
			{
				method: 'POST',
				path: '/v1/vidsheet/101/cells/4044/generate',
				query: { agent_id: 'agent_1' },
				apiKey: sandbox.apiKey,
				authorization: undefined,
				body: { generation_type: 'video_from_image', data: expect.objectContaining({ prompt: 'slow zoom in', image_resource_id: String(resource.id) }) },
			},
		]);

		// The signed PUT: the bytes with exactly GEN's headers, and no GEN key or Authorization.
		expect(sandbox.uploads.storageRequests).toHaveLength(1);
		const [put] = sandbox.uploads.storageRequests;
		expect(put).toMatchObject({ method: 'PUT', path: `/uploads/${blob.key}`, status: 200, bytes: photo.length, md5: md5(photo) });
		expect(put.headers).toMatchObject({ 'content-type': 'image/png', 'content-md5': md5(photo), 'content-length': String(photo.length) });
		expect(put.headers['x-api-key']).toBeUndefined();
		expect(put.headers.authorization).toBeUndefined();

		// Generate: the finished generation, its MP4 downloaded from the CDN without any GEN credential.
		const [animated] = nodeRuns(run.data, 'Animate')[0].data.main[0];
		expect(animated.json).toMatchObject({ status: 'completed', output_resources: [expect.objectContaining({ object_type: 'Video' })] });
		expect(animated.binary.data).toMatchObject({ mimeType: 'video/mp4', fileExtension: 'mp4' });
		expect(binaryBytes(app, animated.binary.data)).toEqual(video);
		const downloads = sandbox.cdn.requests.filter((r) => r.path.endsWith('.mp4'));
		expect(downloads.map((r) => [r.method, r.status, r.headers['x-api-key'], r.headers.authorization])).toEqual([['GET', 200, undefined, undefined]]);
	});
});
