/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, not node code: waits on the sandbox clock */
/** The sandbox's own tests for content production: routes, shapes, credits, generations, CDN, test hooks. */
import { startSandbox, type Sandbox } from './sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ generationMs: 0 });
});
beforeEach(() => sandbox.reset());
afterAll(async () => sandbox?.close());

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
	const res = await fetch(`${sandbox.baseUrl}${path}`, {
		method,
		headers: {
			'X-API-Key': sandbox.apiKey,
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			...headers,
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	let json: Json;
	try {
		json = text === '' ? undefined : JSON.parse(text);
	} catch {
		json = text;
	}
	return { status: res.status, headers: res.headers, text, json };
}

const A = 'agent_id=agent_1';
const E = '/vidsheet/101';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('engines', () => {
	test('the seeded engine has columns, rows and cells in the documented shapes', async () => {
		const { status, json } = await api('GET', `${E}?${A}`);
		expect(status).toBe(200);
		expect(json).toMatchObject({
			id: 101,
			slug: 'brand-voice-shorts',
			title: 'Brand Voice Shorts',
			project_type: 'autocontentengine',
			status: 'active',
			global_variables_sheet: null,
		});
		expect(typeof json.created_at).toBe('number');
		expect(json.spreadsheet_columns.map((c: Json) => [c.id, c.title, c.type, c.column_role])).toEqual([
			[201, 'Hook', 'text', 'ingredient'],
			[202, 'Script', 'text', 'ingredient'],
			[203, 'Voiceover', 'audio', 'ingredient'],
			[204, 'Final Video', 'video', 'final_video'],
		]);
		expect(json.spreadsheet_rows.map((r: Json) => r.id)).toEqual([301, 302, 303, 304]);
		const row2 = json.spreadsheet_rows[1];
		expect(Object.keys(row2).sort()).toEqual(
			['additional_attributes', 'created_at_ts', 'id', 'position', 'spreadsheet_cells', 'updated_at_ts'].sort(),
		);
		expect(row2.spreadsheet_cells[1]).toEqual({
			id: 4022,
			value: null,
			spreadsheet_column_id: 202,
			spreadsheet_row_id: 302,
			additional_attributes: {},
			cell_role: 'content',
			created_at_ts: expect.any(Number),
			updated_at_ts: expect.any(Number),
			default_user_job: null,
			user_jobs: [],
			video_layers: [],
		});
		const empty = json.spreadsheet_rows
			.flatMap((r: Json) => r.spreadsheet_cells)
			.filter((c: Json) => c.spreadsheet_column_id === 202 && !c.value)
			.map((c: Json) => c.id);
		expect(empty).toEqual(sandbox.seed.emptyScriptCells);
		expect(json.spreadsheet_rows[0].spreadsheet_cells[2].value).toBe(`${sandbox.cdn.url}/media/voiceover-301.mp3`);
	});

	test('with_execution_cost adds execution_cost to rows and cells', async () => {
		const { json } = await api('GET', `${E}?${A}&with_execution_cost=true`);
		expect(json.spreadsheet_rows[0].execution_cost).toBe('0.0');
		expect(json.spreadsheet_rows[0].spreadsheet_cells[0].execution_cost).toBe('0.0');
	});

	test('agent_id is required and must be a known agent; the engine must be that agent’s', async () => {
		for (const query of ['', '?agent_id=', '?agent_id=agent_99']) {
			const { status, json } = await api('GET', `${E}${query}`);
			expect([status, json.error_code]).toEqual([422, 'agent_not_found']);
		}
		expect((await api('GET', `${E}?agent_id=agent_3`)).status).toBe(404);
	});

	test.each(['/vidsheet/999', '/vidsheet/%2E%2E', '/vidsheet/101/rows/..', '/vidsheet/0101', '/vidsheet/101/cells/4022%2F'])(
		'unknown or dot-only ids are 404 JSON: %s',
		async (path) => {
			const { status, json } = await api('GET', `${path}?${A}`);
			expect(status).toBe(404);
			expect(json).toMatchObject({ error: expect.any(String), error_code: 'not_found' });
		},
	);

	test('create (201; blank title 422), clone (deep copy, new ids, other agent)', async () => {
		expect((await api('POST', `/vidsheet?${A}`, { spreadsheet: { title: '  ' } })).json.error_code).toBe(
			'validation_error',
		);
		const created = await api('POST', `/vidsheet?${A}`, { spreadsheet: { title: 'March Campaign' } });
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ title: 'March Campaign', slug: 'march-campaign', is_default: false, spreadsheet_columns: [], spreadsheet_rows: [] });

		const clone = await api('POST', `${E}/clone?${A}`, { target_agent_id: 'agent_2' });
		expect(clone.status).toBe(201);
		expect(clone.json.id).not.toBe(101);
		expect(clone.json.spreadsheet_columns.map((c: Json) => c.title)).toEqual(['Hook', 'Script', 'Voiceover', 'Final Video']);
		const cells = clone.json.spreadsheet_rows.flatMap((r: Json) => r.spreadsheet_cells);
		expect(cells).toHaveLength(16);
		expect(cells.some((c: Json) => c.id >= 4011 && c.id <= 4044)).toBe(false);
		expect((await api('GET', `/vidsheet/${clone.json.id}?agent_id=agent_2`)).status).toBe(200);
		expect((await api('GET', `/vidsheet/${clone.json.id}?${A}`)).status).toBe(404);
		expect((await api('POST', `${E}/clone?${A}`, { target_agent_id: 'nope' })).status).toBe(422);
	});

	test('rows: list, create at a position, get, duplicate', async () => {
		expect((await api('GET', `${E}/rows?${A}`)).json).toHaveLength(4);
		const created = await api('POST', `${E}/rows?${A}`, { spreadsheet_row: { position: 1 } });
		expect(created.status).toBe(201);
		expect(created.json.position).toBe(1);
		expect(created.json.spreadsheet_cells.map((c: Json) => [c.spreadsheet_column_id, c.value])).toEqual([
			[201, null],
			[202, null],
			[203, null],
			[204, null],
		]);
		const rows = (await api('GET', `${E}/rows?${A}`)).json;
		expect(rows.map((r: Json) => r.position)).toEqual([1, 2, 3, 4, 5]);
		expect(rows[1].id).toBe(301);

		const row = await api('GET', `${E}/rows/301?${A}`);
		expect(row.json.spreadsheet_cells[0].value).toMatch(/^Stop scrolling/);
		const dup = await api('POST', `${E}/rows/301/duplicate?${A}`, { agent_id: 'agent_1' });
		expect(dup.status).toBe(201);
		expect(dup.json.spreadsheet_cells.map((c: Json) => c.value)).toEqual(row.json.spreadsheet_cells.map((c: Json) => c.value));
		expect(dup.json.id).not.toBe(301);
		expect((await api('GET', `${E}/rows/999?${A}`)).status).toBe(404);
	});

	test('columns: list, create (a cell in every row), validation', async () => {
		expect((await api('GET', `${E}/columns?${A}`)).json.map((c: Json) => c.title)).toEqual(['Hook', 'Script', 'Voiceover', 'Final Video']);
		const col = await api('POST', `${E}/columns?${A}`, { spreadsheet_column: { title: 'B-roll', type: 'video' } });
		expect(col.status).toBe(201);
		expect(col.json).toMatchObject({ title: 'B-roll', type: 'video', column_role: 'ingredient', position: 5 });
		const sheet = (await api('GET', `${E}?${A}`)).json;
		for (const r of sheet.spreadsheet_rows) expect(r.spreadsheet_cells[4].spreadsheet_column_id).toBe(col.json.id);
		expect((await api('POST', `${E}/columns?${A}`, { spreadsheet_column: { title: 'X', type: 'gif' } })).status).toBe(422);
		expect((await api('POST', `${E}/columns?${A}`, { spreadsheet_column: { type: 'text' } })).status).toBe(422);
	});

	test('cells: get and update', async () => {
		expect((await api('GET', `${E}/cells/4011?${A}`)).json.value).toMatch(/^Stop scrolling/);
		const updated = await api('PATCH', `${E}/cells/4022?${A}`, { spreadsheet_cell: { value: 'New script' } });
		expect(updated.status).toBe(200);
		expect(updated.json).toMatchObject({ id: 4022, value: 'New script' });
		expect((await api('GET', `${E}/rows/302?${A}`)).json.spreadsheet_cells[1].value).toBe('New script');
		expect((await api('PATCH', `${E}/cells/4022?${A}`, { spreadsheet_cell: {} })).status).toBe(422);
	});
});

describe('credits', () => {
	test('setCredits(false): every /vidsheet call is 422 usable_gen_credit_required; organizations show 0', async () => {
		sandbox.setCredits(false);
		for (const [method, path] of [
			['GET', `${E}?${A}`],
			['GET', `${E}/rows?${A}`],
			['POST', `${E}/cells/4022/generate?${A}`],
			['POST', `/vidsheet?${A}`],
		]) {
			const { status, json } = await api(method, path, method === 'POST' ? { generation_type: 'text' } : undefined);
			expect([status, json.error_code]).toEqual([422, 'usable_gen_credit_required']);
		}
		const orgs = (await api('GET', '/organizations')).json;
		expect(orgs.map((o: Json) => o.available_credit)).toEqual([
			{ generic: 0, aura: 0 },
			{ generic: 0, aura: 0 },
		]);
		expect((await api('GET', '/templates/projects')).status).toBe(200);
		sandbox.reset();
		expect((await api('GET', `${E}?${A}`)).status).toBe(200);
	});

	test('the control endpoint switches credits too', async () => {
		await fetch(`${sandbox.url}/__sandbox/credits`, { method: 'POST', body: JSON.stringify({ enabled: false }) });
		expect((await api('GET', `${E}?${A}`)).status).toBe(422);
	});

	test('organizations: list, get, unknown is 422 organization_not_found; generations hold credits until refunded', async () => {
		const list = (await api('GET', '/organizations')).json;
		expect(list.map((o: Json) => [o.id, o.name, o.credit, o.available_credit, o.credit_plan?.name ?? null])).toEqual([
			['ws_1', 'Marketing', 250, { generic: 200, aura: 50 }, 'Pro'],
			['ws_2', 'Sales', 40, { generic: 40, aura: 0 }, null],
		]);
		expect((await api('GET', '/organizations/ws_1')).json.organization_id).toBe('ws_1');
		expect((await api('GET', '/organizations/ws_9')).json.error_code).toBe('organization_not_found');

		sandbox.generationOutcome({ outcome: 'never' });
		const gen = (await api('POST', `${E}/cells/4024/generate?${A}`, { generation_type: 'video_from_text', data: { prompt: 'x' } })).json;
		expect((await api('GET', '/organizations/ws_1')).json.available_credit.generic).toBe(180);
		await api('POST', `/generations/${gen.generation_id}/stop`, { agent_id: 'agent_1' });
		expect((await api('GET', '/organizations/ws_1')).json.available_credit.generic).toBe(200);
	});
});

describe('templates', () => {
	test('pages of 20: page 1 = 20, page 2 = 3, page 3 = []', async () => {
		const p1 = (await api('GET', '/templates/projects?page=1')).json;
		const p2 = (await api('GET', '/templates/projects?page=2')).json;
		const p3 = (await api('GET', '/templates/projects?page=3')).json;
		expect([p1.length, p2.length, p3]).toEqual([20, 3, []]);
		expect((await api('GET', '/templates/projects')).json).toEqual(p1);
		expect(p1[0]).toEqual({
			id: 1,
			slug: 'tiktok-video-creator',
			title: 'TikTok Video Creator',
			name: 'TikTok Video Creator',
			description: expect.any(String),
			cover: `${sandbox.cdn.url}/templates/tiktok-video-creator.png`,
			tutorial_url: null,
			tags: expect.any(Array),
			recent_generated_contents: [expect.objectContaining({ type: 'video' })],
		});
		expect([...p1, ...p2].map((t: Json) => t.slug)).toEqual(sandbox.seed.templateSlugs);
	});

	test('get by slug, uuid or id; clone into an agent', async () => {
		const t = (await api('GET', '/templates/projects/ugc-script-to-video')).json;
		expect(t.spreadsheet_columns.map((c: Json) => c.title)).toEqual(['Hook', 'Script', 'Voiceover', 'Final Video']);
		expect((await api('GET', `/templates/projects/${t.id}`)).json.slug).toBe(t.slug);
		expect((await api('GET', '/templates/projects/nope')).status).toBe(404);

		const clone = await api('POST', '/templates/spreadsheets/tiktok-video-creator/clone', { agent_id: 'agent_3' });
		expect(clone.status).toBe(201);
		expect(clone.json.spreadsheet_columns.map((c: Json) => c.column_role)).toEqual([
			'ingredient',
			'ingredient',
			'ingredient',
			'video',
			'final_video',
			'stats',
		]);
		expect((await api('GET', `/vidsheet/${clone.json.id}?agent_id=agent_3`)).status).toBe(200);
		expect((await api('POST', '/templates/spreadsheets/tiktok-video-creator/clone', {})).json.error_code).toBe('agent_not_found');
	});
});

describe('generations', () => {
	test('generate: 201 pending; invalid type 422; completes into the cell', async () => {
		expect((await api('POST', `${E}/cells/4022/generate?${A}`, { generation_type: 'media', data: { content_resource_id: 1 } })).status).toBe(422);
		const start = await api('POST', `${E}/cells/4022/generate?${A}`, {
			generation_type: 'text',
			data: { prompt: 'Write a hook about {{topic}}', variables: { topic: 'cold brew' } },
		});
		expect(start.status).toBe(201);
		expect(start.json).toEqual({ generation_id: expect.any(Number), status: 'pending' });
		const gen = (await api('GET', `/generations/${start.json.generation_id}`)).json;
		expect(gen).toEqual({
			id: start.json.generation_id,
			status: 'completed',
			user_job_type: 'text',
			result: { text: 'Sandbox text for: Write a hook about cold brew' },
			failed_reason: null,
			output_resources: [],
			execution_cost: '1.0',
		});
		const cell = (await api('GET', `${E}/cells/4022?${A}`)).json;
		expect(cell.value).toBe('Sandbox text for: Write a hook about cold brew');
		expect(cell.default_user_job.id).toBe(gen.id);
		expect(sandbox.generationPolls(gen.id)).toBe(1);
	});

	test.each([
		['text', {}, 'data.prompt is required'],
		['video_from_image', { prompt: 'x' }, 'data.image_resource_id is required'],
		['video_from_ingredients', { prompt: 'x', asset_resource_ids: [1] }, 'data.asset_resource_ids is not accepted for video_from_ingredients'],
		['video_from_ingredients', { prompt: 'x', images: [] }, 'data.images must be a list of {value}'],
		['speech_from_text', { script: 'hi', voice_method: 'my_voices' }, 'data.text must be 1-4000 characters'],
		['lipsync', { video_resource_id: 1, audio_resource_id: 2 }, 'data.talking_avatar_video_data.video.value is required'],
		['lipsync', { talking_avatar_video_data: { video: { value: 'https://a/v.mp4' } } }, 'data needs exactly one of talking_avatar_video_data.audio.value, voice_generation_data'],
		['captions', { source_resource_id: 1 }, 'data needs exactly one of audio, video'],
		['transcription', { audio: { value: 'https://a/a.mp3' }, video: { value: 'https://a/v.mp4' } }, 'data needs exactly one of audio, video, content_resource_id'],
		['song', { style: 'pop' }, 'data.prompt is required'],
	])('generate %s with %j: 422 validation_error, nothing started', async (type, data, error) => {
		const answer = await api('POST', `${E}/cells/4022/generate?${A}`, { generation_type: type, data });
		expect([answer.status, answer.json]).toEqual([422, { error, error_code: 'validation_error' }]);
		expect(sandbox.state.content.generations).toEqual([]);
	});

	test('estimate: the cost of the jobs, checked like generate; nothing starts', async () => {
		const job = { user_job_type: 'song', data: { prompt: 'a drive' } };
		const one = await api('POST', '/user_jobs/estimate', { agent_id: 'agent_1', user_job: job });
		expect([one.status, one.json]).toEqual([
			200,
			{ estimate_id: expect.stringMatching(/^est_/), estimated_credits: 6, status: 'estimated', items: [{ user_job_type: 'song', estimated_credits: 6 }] },
		]);
		const batch = await api('POST', '/user_jobs/estimate', { agent_id: 'agent_1', user_jobs: [job, { user_job_type: 'text', data: { prompt: 'x' } }] });
		expect(batch.json.estimated_credits).toBe(7);
		expect((await api('POST', '/user_jobs/estimate', { agent_id: 'agent_1', user_job: { user_job_type: 'media', data: {} } })).status).toBe(422);
		expect((await api('POST', '/user_jobs/estimate', { agent_id: 'nobody', user_job: job })).json.error_code).toBe('agent_not_found');
		expect(sandbox.state.content.generations).toEqual([]);
	});

	test('status moves pending → processing → completed over generationMs; polls are counted', async () => {
		sandbox.setGenerationMs(400);
		const { generation_id: id } = (await api('POST', `${E}/cells/4032/generate?${A}`, { generation_type: 'text', data: { prompt: 'x' } })).json;
		const seen: string[] = [];
		const until = Date.now() + 2000;
		while (Date.now() < until) {
			const { status } = (await api('GET', `/generations/${id}`)).json;
			if (seen[seen.length - 1] !== status) seen.push(status);
			if (status === 'completed') break;
			await sleep(10);
		}
		expect(seen).toEqual(['pending', 'processing', 'completed']);
		expect(sandbox.generationPolls(id)).toBeGreaterThanOrEqual(3);
		expect(sandbox.state.content.generations[0].polls).toBe(sandbox.generationPolls(id));
	});

	test('media results are CDN URLs: speech → mp3 in the cell, output_resources', async () => {
		const { generation_id: id } = (await api('POST', `${E}/cells/4023/generate?${A}`, { generation_type: 'speech_from_text', data: { text: 'hi' } })).json;
		const gen = (await api('GET', `/generations/${id}`)).json;
		expect(gen.output_resources).toEqual([
			{ id: expect.any(Number), url: `${sandbox.cdn.url}/outputs/gen-${id}.mp3`, thumbnail_url: null, object_type: 'Audio', type: 'output' },
		]);
		expect((await api('GET', `${E}/cells/4023?${A}`)).json.value).toBe(gen.output_resources[0].url);
	});

	test('stop (refund) and continue; stop after completion is 422', async () => {
		sandbox.setGenerationMs(60_000);
		const { generation_id: id } = (await api('POST', `${E}/cells/4022/generate?${A}`, { generation_type: 'text', data: { prompt: 'x' } })).json;
		expect((await api('POST', `/generations/${id}/continue`, { agent_id: 'agent_1' })).status).toBe(422);
		expect((await api('POST', `/generations/${id}/stop`, { agent_id: 'agent_1' })).json).toEqual({ generation_id: id, status: 'stopped' });
		expect((await api('GET', `/generations/${id}`)).json).toMatchObject({ status: 'stopped', execution_cost: '0.0' });
		sandbox.setGenerationMs(0);
		expect((await api('POST', `/generations/${id}/continue`, { agent_id: 'agent_1' })).json).toEqual({ generation_id: id, status: 'pending' });
		expect((await api('GET', `/generations/${id}`)).json.status).toBe('completed');
		const again = await api('POST', `/generations/${id}/stop`, { agent_id: 'agent_1' });
		expect([again.status, again.json.error_code]).toEqual([422, 'job_cannot_be_stopped']);
		expect((await api('GET', '/generations/424242')).status).toBe(404);
	});

	test('outcomes: failed with a reason, stopped, never; by type and by id', async () => {
		const gen = async (type = 'text') =>
			(await api('POST', `${E}/cells/4032/generate?${A}`, { generation_type: type, data: { prompt: 'x' } })).json.generation_id;
		sandbox.generationOutcome({ outcome: 'failed', failedReason: 'Model overloaded' });
		const failed = (await api('GET', `/generations/${await gen()}`)).json;
		expect(failed).toMatchObject({ status: 'failed', failed_reason: 'Model overloaded', result: null, execution_cost: '0.0' });
		expect((await api('GET', `${E}/cells/4032?${A}`)).json.value).toBeNull();

		sandbox.generationOutcome({ outcome: 'stopped' });
		expect((await api('GET', `/generations/${await gen()}`)).json.status).toBe('stopped');

		sandbox.generationOutcome({ outcome: 'never', type: 'image_from_text', times: -1 });
		expect((await api('GET', `/generations/${await gen()}`)).json.status).toBe('completed');
		const stuck = await gen('image_from_text');
		await sleep(20);
		expect((await api('GET', `/generations/${stuck}`)).json.status).toBe('processing');
		expect(sandbox.pendingGenerationOutcomes()).toEqual([expect.objectContaining({ outcome: 'never', times: -1 })]);

		sandbox.generationOutcome({ generationId: stuck, outcome: 'failed', failedReason: 'late failure' });
		expect((await api('GET', `/generations/${stuck}`)).json).toMatchObject({ status: 'failed', failed_reason: 'late failure' });
		expect(() => sandbox.generationOutcome({ generationId: stuck, outcome: 'completed' })).toThrow(TypeError);
		expect(() => sandbox.generationOutcome({ outcome: 'exploded' as never })).toThrow(TypeError);
	});

	test('render fills the row’s Final Video cell with an MP4 on the CDN', async () => {
		const start = await api('POST', `${E}/cells/4042/render?${A}`);
		expect(start.status).toBe(201);
		expect(start.json).toEqual({ generation_id: expect.any(Number), status: 'pending' });
		const gen = (await api('GET', `/generations/${start.json.generation_id}`)).json;
		expect(gen).toMatchObject({ status: 'completed', user_job_type: 'render' });
		expect(gen.output_resources[0]).toMatchObject({ object_type: 'Video', url: expect.stringMatching(/\.mp4$/) });
		const finalCell = (await api('GET', `${E}/cells/${sandbox.seed.cellId(4, 4)}?${A}`)).json;
		expect(finalCell.value).toBe(gen.output_resources[0].url);
		expect(finalCell.value.startsWith(sandbox.cdn.url)).toBe(true);
	});
});

describe('CDN', () => {
	test.each([
		['png', 'image/png', [0x89, 0x50, 0x4e, 0x47]],
		['mp3', 'audio/mpeg', [0xff, 0xfb]],
		['mp4', 'video/mp4', [0, 0, 0, 0x1c, 0x66, 0x74, 0x79, 0x70]],
	])('serves .%s as %s', async (ext, type, magic) => {
		const res = await fetch(`${sandbox.cdn.url}/outputs/x.${ext}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe(type);
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, magic.length)]).toEqual(magic);
	});

	test('rejects X-API-Key and Authorization with 403 and records every request', async () => {
		const url = `${sandbox.cdn.url}/outputs/gen-1.mp4`;
		expect((await fetch(url, { headers: { 'X-API-Key': sandbox.apiKey } })).status).toBe(403);
		expect((await fetch(url, { headers: { Authorization: 'Bearer x' } })).status).toBe(403);
		expect((await fetch(`${sandbox.cdn.url}/nope.txt`)).status).toBe(404);
		expect(sandbox.cdn.requests.map((r) => [r.path, r.status])).toEqual([
			['/outputs/gen-1.mp4', 403],
			['/outputs/gen-1.mp4', 403],
			['/nope.txt', 404],
		]);
		expect(sandbox.requests).toEqual([]);
	});
});

describe('test hooks', () => {
	test('fault headers: a redirect, and HTML with 200', async () => {
		sandbox.fault({ status: 302, headers: { Location: 'http://127.0.0.1:9/x' }, times: -1 });
		const res = await fetch(`${sandbox.baseUrl}/me`, { redirect: 'manual', headers: { 'X-API-Key': sandbox.apiKey } });
		expect(res.status).toBe(302);
		expect(res.headers.get('location')).toBe('http://127.0.0.1:9/x');
		sandbox.clearFaults();
		sandbox.fault({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html>hi</html>' });
		const html = await api('GET', '/me');
		expect([html.status, html.headers.get('content-type'), html.text]).toEqual([200, 'text/html', '<html>hi</html>']);
	});

	test("fault body '' is empty; json: null is a JSON null", async () => {
		sandbox.fault({ status: 200, body: '' });
		const empty = await api('GET', '/me');
		expect([empty.text, empty.headers.get('content-type'), empty.headers.get('content-length')]).toEqual(['', null, '0']);
		sandbox.fault({ status: 200, json: null });
		const nul = await api('GET', '/me');
		expect([nul.text, nul.headers.get('content-type')]).toEqual(['null', 'application/json; charset=utf-8']);
		expect(() => sandbox.fault({ status: 200, headers: { 'bad header': 'x' } })).toThrow(TypeError);
	});

	test('peakInFlight counts concurrent API requests including latency; resetPeak and reset clear it', async () => {
		sandbox.setLatency(50);
		await Promise.all([api('GET', '/me'), api('GET', '/me'), api('GET', '/me')]);
		expect(sandbox.peakInFlight).toBe(3);
		expect(sandbox.inFlight).toBe(0);
		sandbox.resetPeak();
		expect(sandbox.peakInFlight).toBe(0);
		await api('GET', '/me');
		expect(sandbox.peakInFlight).toBe(1);
		sandbox.reset();
		expect(sandbox.peakInFlight).toBe(0);
	});

	test('control endpoints: generation-ms, generation-outcomes, info', async () => {
		const control = (method: string, path: string, body?: unknown) =>
			fetch(`${sandbox.url}/__sandbox/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
		expect((await control('POST', 'generation-ms', { ms: 60_000 })).status).toBe(200);
		expect((await control('POST', 'generation-outcomes', { outcome: 'failed', failedReason: 'x' })).status).toBe(201);
		expect((await control('POST', 'generation-outcomes', { outcome: 'bogus' })).status).toBe(400);
		const { generation_id: id } = (await api('POST', `${E}/cells/4022/generate?${A}`, { generation_type: 'text', data: { prompt: 'x' } })).json;
		expect((await api('GET', `/generations/${id}`)).json.status).toBe('pending');
		const info = await (await control('GET', 'info')).json();
		expect(info).toMatchObject({ cdnUrl: sandbox.cdn.url, seed: { engineId: 101, agentId: 'agent_1' } });
		const gens = await (await control('GET', 'generations')).json();
		expect(gens).toEqual([expect.objectContaining({ id, polls: 1 })]);
	});
});
