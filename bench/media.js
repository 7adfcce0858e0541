#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * `npm run bench:media`: a 300 MB file up into GEN and down out of it, through the real n8n 2.x app
 * with N8N_DEFAULT_BINARY_DATA_MODE=filesystem, against the GEN sandbox (its signed-upload storage
 * host hashes every PUT and serves large downloads, `/media/<name>?bytes=N`).
 *
 * - Upload: Webhook → Read/Write Files from Disk (read) → GEN Content Resource > Upload ("Measured":
 *   its MD5 pass, POST /v1/direct_upload, the signed PUT, POST /v1/content_resources).
 * - Download: Webhook → GEN Generation > Wait ("Measured", Download Output on) of a finished
 *   generation whose output URL the bench points at a 300 MB file on the storage host.
 * - Floor: the same transfers with Node's fetch streaming (node:crypto MD5, file stream as PUT body;
 *   GET body piped to a file), in a child process on n8n's Node 24 (media-floor.js).
 *
 * Time = the measured node's executionTime (n8n) or the floor's own clock; throughput = MB ÷ time.
 * Memory = peak VmRSS of the process (/proc/<pid>/status, sampled every 10 ms during the run, by
 * lib/rss.js) minus its VmRSS just before the run. Goals: n8n's peak RSS growth ≤ 64 MB, throughput
 * ≥ 0.7× the floor.
 * Interleaved runs; prints a markdown table, appends it to BENCH_OUT (default bench/results.md). Fails
 * only when a transfer does not do its work (sizes and MD5 are checked).
 *
 * Environment: BENCH_MEDIA_REPS (runs per way, default 3), BENCH_MEDIA_MB (file size, default 300).
 */

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { fork } = require('node:child_process');
const { withRss } = require('./lib/rss');

const MB = 1024 * 1024;
const SIZE = (Number(process.env.BENCH_MEDIA_MB) || 300) * MB;

/** SIZE deterministic bytes, written in 1 MB chunks; resolves to their base64 MD5. @param {string} file */
function writeBigFile(file) {
	const chunk = Buffer.alloc(MB, 0).map((_, i) => (i * 131 + (i >> 11)) & 0xff);
	const [fd, hash] = [fs.openSync(file, 'w'), crypto.createHash('md5')];
	for (let written = 0; written < SIZE; written += MB) hash.update(chunk.subarray(0, fs.writeSync(fd, chunk, 0, Math.min(MB, SIZE - written))));
	fs.closeSync(fd);
	return hash.digest('base64');
}

const GEN = { id: 'benchMediaGen001', name: 'GEN (bench media)' };
const AGENT = { __rl: true, mode: 'id', value: 'agent_1' };

/** Webhook (answers when the last node is done) → …nodes; the last one is "Measured". @param {string} id @param {object[]} nodes */
function chainWorkflow(id, nodes) {
	/** @type {Array<Record<string, any>>} */
	const all = [
		{ id: `${id}-hook`, name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `bench-${id}`, parameters: { httpMethod: 'POST', path: id, responseMode: 'lastNode', responseData: 'noData' } },
		...nodes.map((node, i) => ({ id: `${id}-${i}`, position: [220 * (i + 1), 0], ...node })),
	];
	/** @type {Record<string, unknown>} */
	const connections = {};
	for (let i = 0; i < all.length - 1; i++) connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name: `bench ${id}`, settings: { executionOrder: 'v1' }, nodes: all, connections };
}

/** @param {string} nodeType @param {string} file */
const mediaWorkflows = (nodeType, file) => ({
	upload: chainWorkflow('benchMediaUpload', [
		{ name: 'Read file', type: 'n8n-nodes-base.readWriteFile', typeVersion: 1, parameters: { operation: 'read', fileSelector: file, options: {} } },
		{ name: 'Measured', type: nodeType, typeVersion: 1, credentials: { genApi: GEN }, parameters: { resource: 'contentResource', operation: 'upload', agentId: AGENT, binaryPropertyName: 'data', options: {} } },
	]),
	download: chainWorkflow('benchMediaDownload', [
		{ name: 'Measured', type: nodeType, typeVersion: 1, credentials: { genApi: GEN }, parameters: { resource: 'generation', operation: 'wait', generationId: '={{ $json.body.generationId }}', options: { downloadOutput: true } } },
	]),
	// n8n's own way to the same file, for reference: HTTP Request, Response Format File.
	httpDownload: chainWorkflow('benchMediaHttpDownload', [
		{ name: 'Measured', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters: { url: '={{ $json.body.url }}', options: { response: { response: { responseFormat: 'file' } } } } },
	]),
});

const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
	const n8n = require('../scripts/e2e/lib/n8n');
	const queue = require('../scripts/e2e/lib/queue');
	const { callWebhook, listExecutions, readExecution, nodeRun } = require('../scripts/e2e/lib/executions');
	const { startSandbox } = require('../test/sandbox/server');
	const REPS = Number(process.env.BENCH_MEDIA_REPS) || 3;
	const OUT = path.resolve(__dirname, '..', process.env.BENCH_OUT ?? 'bench/results.md');
	const started = Date.now();
	const log = (/** @type {string} */ message) => process.stderr.write(`[bench media ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
	/** @type {Array<() => unknown>} */
	const cleanups = [];
	try {
		const sandbox = await startSandbox({ latencyMs: 0 });
		cleanups.push(() => sandbox.close());
		const app = await n8n.createInstance({ line: '2', label: 'bench-media', tarball: await n8n.packPackage({ force: true }), env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' } });
		cleanups.push(() => app.dispose());
		// n8n 2.x reads files only below ~/.n8n-files (N8N_RESTRICT_FILE_ACCESS_TO); HOME is the user folder.
		const filesDir = path.join(app.userFolder, '.n8n-files');
		fs.mkdirSync(filesDir, { recursive: true });
		const file = path.join(filesDir, `bench-${SIZE / MB}mb.bin`);
		log(`writing ${SIZE / MB} MB; n8n: install (cached), import, start`);
		const checksum = writeBigFile(file);
		const wfs = mediaWorkflows(app.nodeType, file);
		await app.importCredentials([{ ...GEN, type: 'genApi', data: { apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl } }]);
		await app.importWorkflows(Object.values(wfs));
		const server = await app.start();
		await queue.waitForMainReady(app);
		await app.setupOwner();
		for (const wf of Object.values(wfs)) await app.activateWorkflow(wf.id);
		const pid = /** @type {number} */ (server.process.pid);
		const floor = fork(path.join(__dirname, 'media-floor.js'), [], { execPath: app.installation.nodeBin, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		cleanups.push(() => floor.kill());
		/** @type {(message: any) => void} */
		let onMessage = () => {};
		floor.on('message', (message) => onMessage(message));
		await new Promise((resolve) => (onMessage = resolve));
		const floorRun = (/** @type {object} */ task) =>
			new Promise((resolve, reject) => {
				onMessage = (/** @type {any} */ m) => (m.error ? reject(new Error(m.error)) : resolve(m.ms));
				floor.send(task);
			});
		/** @type {Set<string>} */
		const seen = new Set();
		/** The measured node's run of the newest execution of `wf`, after one webhook call. @param {{ id: string }} wf @param {object} body */
		const runN8n = async (wf, body) => {
			const response = await callWebhook(app, wf.id, body, { waitForRegistrationMs: 60_000, timeoutMs: 600_000 });
			if (response.status !== 200) throw new Error(`${wf.id}: ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
			for (let i = 0; ; i++) {
				const [execution] = await listExecutions(app, wf.id, 1);
				if (execution && !seen.has(String(execution.id)) && !['new', 'running'].includes(execution.status)) {
					seen.add(String(execution.id));
					const run = nodeRun((await readExecution(app, String(execution.id))).data, 'Measured');
					if (run.executionStatus !== 'success') throw new Error(`${wf.id}: ${run.executionStatus} ${JSON.stringify(run.error ?? {}).slice(0, 500)}`);
					return run;
				}
				if (i > 400) throw new Error(`${wf.id}: no finished execution`);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
		};

		const timing = (/** @type {any} */ run) => ({ ms: /** @type {number} */ (run.executionTime), from: /** @type {number} */ (run.startTime) });
		const bigUrl = `${sandbox.uploads.storageUrl}/media/bench.mp4?bytes=${SIZE}`;
		/** A finished generation whose output is SIZE bytes on the storage host. */
		const bigGeneration = async () => {
			const post = await fetch(`${sandbox.baseUrl}/vidsheet/101/cells/4044/generate?agent_id=agent_1`, {
				method: 'POST',
				headers: { 'X-API-Key': sandbox.apiKey, 'Content-Type': 'application/json' },
				body: JSON.stringify({ generation_type: 'video_from_text', data: { prompt: 'bench' } }),
			});
			const { generation_id: id } = /** @type {any} */ (await post.json());
			await fetch(`${sandbox.baseUrl}/generations/${id}`, { headers: { 'X-API-Key': sandbox.apiKey } });
			const generation = sandbox.state.content.generations.find((g) => g.id === id);
			if (generation?.settled !== 'completed') throw new Error(`generation ${id} did not complete`);
			generation.output_resources[0].url = bigUrl;
			return id;
		};
		/** Checks the last upload reached storage whole and became a content resource. */
		const checkUpload = () => {
			const put = sandbox.uploads.storageRequests.at(-1);
			if (put?.status !== 200 || put.bytes !== SIZE || put.md5 !== checksum || !sandbox.uploads.blobs().every((b) => b.uploaded)) throw new Error(`upload incomplete: ${JSON.stringify({ ...put, headers: undefined })}`);
			if (put.headers['x-api-key'] !== undefined || put.headers.authorization !== undefined) throw new Error('the signed PUT carried a GEN credential');
		};
		/** @type {Record<string, { ms: number[], growth: number[], nodeGrowth: number[] }>} */
		const results = {};
		const record = (/** @type {string} */ way, /** @type {{ ms: number, growth: number, nodeGrowth: number }} */ r) => {
			const into = (results[way] ??= { ms: [], growth: [], nodeGrowth: [] });
			for (const key of /** @type {const} */ (['ms', 'growth', 'nodeGrowth'])) into[key].push(r[key]);
			log(`${way}: ${r.ms.toFixed(0)} ms, ${((SIZE / MB / r.ms) * 1000).toFixed(0)} MB/s, peak RSS +${(r.nodeGrowth / MB).toFixed(1)} MB in the node, +${(r.growth / MB).toFixed(1)} MB in the run`);
		};
		for (let rep = 0; rep < REPS; rep++) {
			sandbox.reset();
			record('n8n upload', await withRss(pid, async () => timing(await runN8n(wfs.upload, {}))));
			checkUpload();
			sandbox.reset();
			record('floor upload', await withRss(/** @type {number} */ (floor.pid), async () => ({ ms: await floorRun({ kind: 'upload', size: SIZE, baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, file }) })));
			checkUpload();
			sandbox.reset();
			const generationId = await bigGeneration();
			/** Runs a download workflow; its time once the file is whole in n8n's binary data. @param {{ id: string }} wf @param {object} body */
			const download = async (wf, body) => {
				const run = await runN8n(wf, body);
				const binary = run.data.main[0][0].binary?.data;
				const stored = path.join(app.userFolder, '.n8n', 'storage', String(binary?.id ?? '').replace(/^filesystem(-v2)?:/, ''));
				if (!binary?.id || fs.statSync(stored).size !== SIZE) throw new Error(`${wf.id}: not ${SIZE} bytes in binary data`);
				return timing(run);
			};
			record('n8n download', await withRss(pid, async () => await download(wfs.download, { generationId })));
			record('http download', await withRss(pid, async () => await download(wfs.httpDownload, { url: bigUrl })));
			const target = path.join(app.userFolder, 'floor-download.bin');
			record('floor download', await withRss(/** @type {number} */ (floor.pid), async () => ({ ms: await floorRun({ kind: 'download', size: SIZE, url: bigUrl, file: target }) })));
			if (fs.statSync(target).size !== SIZE) throw new Error('floor download: wrong size');
			fs.rmSync(target);
		}
		const report = renderReport(results, REPS);
		process.stdout.write(`${report}\n`);
		fs.appendFileSync(OUT, `\n${report}\n`);
	} finally {
		for (const cleanup of cleanups.reverse()) await cleanup();
	}
}

/** @param {Record<string, { ms: number[], growth: number[], nodeGrowth: number[] }>} results @param {number} reps */
function renderReport(results, reps) {
	const mbs = (/** @type {number} */ ms) => ((SIZE / MB / ms) * 1000).toFixed(0);
	const rss = (/** @type {number[]} */ values) => (Math.max(...values) / MB).toFixed(1);
	const floorMs = (/** @type {string} */ kind) => median(results[`floor ${kind}`].ms);
	const lines = [
		`### ${SIZE / MB} MB through n8n 2.x (filesystem binary data) vs Node fetch streaming, ${reps} runs each, interleaved`,
		'',
		'| Transfer | time (ms, median) | MB/s | ÷ floor (goal ≥ 0.7×) | peak RSS growth during the node (MB, max; goal ≤ 64) | during the whole run (MB, max) |',
		'|---|---:|---:|---:|---:|---:|',
	];
	/** @param {string} label @param {string} way @param {string} kind */
	const row = (label, way, kind) => {
		const { ms, growth, nodeGrowth } = results[way];
		const ratio = way.startsWith('floor') ? '' : `**${(floorMs(kind) / median(ms)).toFixed(2)}×**`;
		lines.push(`| ${label} | ${median(ms).toFixed(0)} | ${mbs(median(ms))} | ${ratio} | ${way.startsWith('floor') ? '' : `**${rss(nodeGrowth)}**`} | ${rss(growth)} |`);
	};
	row('Upload: GEN Content Resource > Upload (after Read/Write Files from Disk)', 'n8n upload', 'upload');
	row('Upload floor: node:crypto MD5 pass + fetch, file stream as PUT body', 'floor upload', 'upload');
	row('Download: GEN Generation > Wait, Download Output', 'n8n download', 'download');
	row("Download: n8n's HTTP Request node, Response Format File (reference)", 'http download', 'download');
	row('Download floor: fetch, body piped to a file', 'floor download', 'download');
	return lines.join('\n');
}

main().catch((error) => {
	process.stderr.write(`${error?.stack ?? error}\n`);
	process.exit(1);
});
