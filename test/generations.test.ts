/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, not node code: watches the sandbox to cancel a run at the right moment */
import { jsonOf, keyLocator, received, runGen, shown, useSandbox, type GenParameters } from './support/gen';

const gen = useSandbox({ generationMs: 60 });

const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
// The fastest polls there are (the default is 5 s).
const fast = { pollIntervalSeconds: 1 };

const cell = (operation: string, cellId: string | number, more: GenParameters = {}) => ({
	resource: 'cell',
	operation,
	agentId: rl('agent_1'),
	contentEngineId: rl(101),
	cellId: rl(cellId),
	options: fast,
	...more,
});
const generateText = (cellId: string | number, more: GenParameters = {}) =>
	cell('generate', cellId, { generationType: 'text', prompt: 'Write a hook about tacos', ...more });

const generationRequests = () => received(gen.sandbox).filter(({ path }) => path.startsWith('/v1/generations/'));

describe('Cell > Generate', () => {
	it('sends generation_type and data with agent_id, waits, and outputs the finished generation', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, generateText(4022, { model: 'gpt_4o' }));

		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v1/vidsheet/101/cells/4022/generate',
			query: { agent_id: 'agent_1' },
			body: { generation_type: 'text', data: { prompt: 'Write a hook about tacos', model: 'gpt_4o' } },
		});
		expect(generationRequests().every(({ method }) => method === 'GET')).toBe(true);
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({
				cell_id: '4022',
				status: 'completed',
				result: expect.anything(),
				output_resources: expect.any(Array),
				execution_cost: expect.anything(),
			}),
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('without waiting, outputs GEN\'s {generation_id, status} at once', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, generateText(4022, { waitForCompletion: false }));

		expect(jsonOf(items)).toEqual([{ cell_id: '4022', generation_id: expect.anything(), status: 'pending' }]);
		expect(generationRequests()).toEqual([]);
	});

	it.each([
		['failed', { outcome: 'failed', failedReason: 'Model refused the prompt' }, 'failed: Model refused the prompt', /refunded its credits/],
		['stopped', { outcome: 'stopped' }, 'was stopped', /credits were refunded/],
	] as const)('a %s generation is an error that says so', async (_case, outcome, what, advice) => {
		const { sandbox } = gen;
		sandbox.generationOutcome(outcome);
		const { items, error } = await runGen(sandbox, generateText(4022));

		expect(error?.message).toMatch(new RegExp(`^GEN generation \\d+ ${what}$`));
		expect(error?.description).toMatch(advice);
		expect(items).toEqual([]);
	});

	it('a generation that never finishes ends at the timeout with how to pick it up', async () => {
		const { sandbox } = gen;
		sandbox.generationOutcome({ outcome: 'never' });
		const { error } = await runGen(sandbox, generateText(4022, { options: { ...fast, timeoutMinutes: 0.005 } }));

		const id = (sandbox.requests.find(({ path }) => path.startsWith('/v1/generations/'))?.path ?? '').split('/').pop();
		expect(error?.message).toBe(`GEN generation ${id} is not finished after 0.3 seconds`);
		expect(error?.description).toBe(
			`It goes on in GEN. Pick it up later with GEN > Generation > Wait (Generation ID ${id}), or look at it with Generation > Get.`,
		);
	});

	it('stops waiting when the execution is cancelled, and says how to pick the generation up', async () => {
		const { sandbox } = gen;
		sandbox.generationOutcome({ outcome: 'never' });
		const cancelOnFirstPoll = (cancel: () => void) => {
			const check = setInterval(() => {
				if (sandbox.requests.some(({ path }) => path.startsWith('/v1/generations/'))) {
					clearInterval(check);
					cancel();
				}
			}, 5);
		};
		// The default timeout is 10 minutes: the run ends because the cancellation ended the wait.
		const { run } = await runGen(sandbox, generateText(4022), { onStarted: cancelOnFirstPoll });

		const id = String(sandbox.requests.find(({ path }) => path.startsWith('/v1/generations/'))?.path.split('/').pop());
		const polls = sandbox.generationPolls(id);
		expect(polls).toBeLessThanOrEqual(2);
		// The wait itself ended: no poll after the run.
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(sandbox.generationPolls(id)).toBe(polls);
		// n8n records its own "canceled" when it finishes the execution before the node reports.
		const error = run.data.resultData.runData.GEN?.[0]?.error ?? run.data.resultData.error;
		expect([`GEN generation ${id} was still running when the execution was cancelled`, 'canceled']).toContain(error?.message);
	});

	it('several items that never finish all end at one timeout for the run, not one per item', async () => {
		const { sandbox } = gen;
		sandbox.generationOutcome({ outcome: 'never', times: -1 });
		const { items } = await runGen(
			sandbox,
			cell('generate', '={{ $json.cell }}', { generationType: 'text', prompt: 'x', options: { ...fast, timeoutMinutes: 0.004 } }),
			{ items: [{ cell: 4022 }, { cell: 4032 }, { cell: 4023 }], continueOnFail: true },
		);

		expect(jsonOf(items).map(({ error }) => String(error).replace(/\d+/g, 'N'))).toEqual(
			Array(3).fill('GEN generation N is not finished after N.N seconds'),
		);
		// 0.24 s, and polls at least 1 s apart: each item polled once, at the run's deadline.
		const polls = [9001, 9002, 9003].map((id) => sandbox.generationPolls(id));
		expect(polls).toEqual([1, 1, 1]);
	});

	it('with Continue On Fail, a failed generation is that item\'s error and the others finish', async () => {
		const { sandbox } = gen;
		sandbox.generationOutcome({ outcome: 'failed', failedReason: 'nope', times: 1 });
		const { items, error } = await runGen(
			sandbox,
			cell('generate', '={{ $json.cell }}', { generationType: 'text', prompt: '={{ $json.prompt }}' }),
			{ items: [{ cell: 4022, prompt: 'a' }, { cell: 4032, prompt: 'b' }], continueOnFail: true },
		);

		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.status ?? item.json.error, item.pairedItem])).toEqual([
			[expect.stringMatching(/^GEN generation \d+ failed: nope$/), { item: 0 }],
			['completed', { item: 1 }],
		]);
	});

	it('several items are started together and waited for together', async () => {
		const { sandbox } = gen;
		const cells = [4022, 4032, 4023, 4033, 4024];
		const { items } = await runGen(
			sandbox,
			cell('generate', '={{ $json.cell }}', { generationType: 'text', prompt: 'x', options: { ...fast, maxInFlight: 2 } }),
			{ items: cells.map((id) => ({ cell: id })) },
		);

		expect(jsonOf(items).map(({ status }) => status)).toEqual(cells.map(() => 'completed'));
		// Every generation was started before the first poll: nobody waited for another item's generation to end.
		const lines = received(sandbox).map(({ method, path }) => `${method} ${path}`);
		const lastStart = lines.map((line) => line.endsWith('/generate')).lastIndexOf(true);
		const firstPoll = lines.findIndex((line) => line.startsWith('GET /v1/generations/'));
		expect(lastStart).toBeLessThan(firstPoll);
	});

	it('downloads the output media into binary data, without the GEN key', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(
			sandbox,
			cell('generate', 4022, { generationType: 'image_from_text', prompt: 'tacos', options: { ...fast, downloadOutput: true } }),
		);

		const { binary } = items[0];
		expect(Object.keys(binary ?? {})).toEqual(['data']);
		expect(binary?.data.mimeType).toBe('image/png');
		expect(Buffer.from(binary?.data.data ?? '', 'base64').subarray(1, 4).toString()).toBe('PNG');
		expect(sandbox.cdn.requests).toHaveLength(1);
		expect(sandbox.cdn.requests.every(({ headers }) => !headers['x-api-key'] && !headers.authorization)).toBe(true);
	});

	it('a failed download is an error that names the host only, and the generation is still there to get', async () => {
		const { sandbox } = gen;
		const finished = {
			id: 9001,
			status: 'completed',
			user_job_type: 'image_from_text',
			result: {},
			failed_reason: null,
			execution_cost: '1.0',
			output_resources: [{ id: 1, url: 'http://127.0.0.1:9/signed/out.png?token=secret-signature', type: 'output' }],
		};
		sandbox.fault({ status: 200, body: finished, match: { method: 'GET', path: '/v1/generations/9001' }, times: -1 });
		const { error } = await runGen(
			sandbox,
			cell('generate', 4022, { generationType: 'image_from_text', prompt: 'tacos', options: { ...fast, downloadOutput: true } }),
		);

		expect(error?.message).toMatch(/^Could not download the generation's output from 127\.0\.0\.1:9 \(/);
		expect(error?.message).not.toContain('secret-signature');
		expect(error?.description).toMatch(/Generation > Get shows it/);
	});

	it('a Poll Interval of 0 (as 0.1.x allowed) polls at most once a second', async () => {
		const { sandbox } = gen;
		sandbox.generationOutcome({ outcome: 'never' });
		const { error } = await runGen(sandbox, generateText(4022, { options: { pollIntervalSeconds: 0, timeoutMinutes: 0.04 } }));

		expect(error?.message).toMatch(/is not finished after 2\.4 seconds$/);
		// 1 s, then 1.5 s (cut to the deadline at 2.4 s); 0.1.x polled over a thousand times here.
		expect(sandbox.generationPolls(9001)).toBe(2);
	});

	it('downloads an output whose file name has a broken % escape under that name as written', async () => {
		const { sandbox } = gen;
		// A lone "%" and an unfinished "%E0%A4": decodeURIComponent throws on both.
		const url = `${sandbox.cdn.url}/outputs/taco%20100%%E0%A4.png`;
		const finished = { id: 9001, status: 'completed', result: {}, output_resources: [{ id: 1, url, type: 'output' }] };
		sandbox.fault({ status: 200, body: finished, match: { method: 'GET', path: '/v1/generations/9001' }, times: -1 });
		const { items, error } = await runGen(
			sandbox,
			cell('generate', 4022, { generationType: 'image_from_text', prompt: 'tacos', options: { ...fast, downloadOutput: true } }),
		);

		expect(error).toBeUndefined();
		expect(items[0].binary?.data.fileName).toBe('taco%20100%%E0%A4.png');
		expect(sandbox.cdn.requests).toHaveLength(1);
	});

	it.each(['../../me', '4022/render', '.', '..'])('hostile cell ID %s never reaches another endpoint', async (cellId) => {
		const { sandbox } = gen;
		await runGen(sandbox, generateText(cellId, { waitForCompletion: false }));

		expect(sandbox.requests.every(({ path }) => path.startsWith('/v1/vidsheet/101/cells/'))).toBe(true);
		expect(sandbox.requests.every(({ path }) => path.endsWith('/generate'))).toBe(true);
	});
});

describe('Cell > Render', () => {
	it('starts the render with agent_id, waits, and downloads the MP4', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, cell('render', 4044, { options: { ...fast, downloadOutput: true, binaryProperty: 'video' } }));

		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v1/vidsheet/101/cells/4044/render',
			query: { agent_id: 'agent_1' },
		});
		expect(items[0].json).toMatchObject({ cell_id: '4044', status: 'completed' });
		expect(items[0].binary?.video).toMatchObject({ mimeType: 'video/mp4', fileExtension: 'mp4' });
	});
});

describe('Generation', () => {
	/** A generation still running whatever the test's pace, unless `finishes`. */
	const started = async (finishes = false) => {
		if (!finishes) gen.sandbox.generationOutcome({ outcome: 'never' });
		const { items } = await runGen(gen.sandbox, generateText(4022, { waitForCompletion: false }));
		gen.sandbox.clearRequests();
		return String(items[0].json.generation_id);
	};
	const generation = (operation: string, generationId: string, more: GenParameters = {}) => ({
		resource: 'generation',
		operation,
		generationId,
		// Stop and Continue act for the generation's agent; Get and Wait ignore it.
		agentId: keyLocator('agent_1'),
		options: fast,
		...more,
	});

	it('Get: GET /generations/{id}', async () => {
		const id = await started(true);
		const { items } = await runGen(gen.sandbox, generation('get', id));

		expect(received(gen.sandbox)).toEqual([{ method: 'GET', path: `/v1/generations/${id}`, body: undefined }]);
		expect(jsonOf(items)).toEqual([expect.objectContaining({ id: Number(id) })]);
	});

	it('Stop, then Continue: POST /generations/{id}/stop and …/continue with the agent, Continue with an idempotency key', async () => {
		const id = await started();
		const stopped = await runGen(gen.sandbox, generation('stop', id));
		const continued = await runGen(gen.sandbox, generation('continue', id));

		expect([stopped.error, continued.error]).toEqual([undefined, undefined]);
		expect(received(gen.sandbox)).toEqual([
			{ method: 'POST', path: `/v1/generations/${id}/stop`, body: { agent_id: 'agent_1' } },
			{
				method: 'POST',
				path: `/v1/generations/${id}/continue`,
				body: { agent_id: 'agent_1', idempotency_key: expect.stringMatching(/^n8n-1-0-0-[0-9a-f]{8}$/) },
			},
		]);
		expect(jsonOf(stopped.items)).toEqual([expect.objectContaining({ status: 'stopped' })]);
		expect(jsonOf(continued.items)).toEqual([{ generation_id: Number(id), status: 'pending' }]);
	});

	it.each(['stop', 'continue'])('%s saved without an agent (as 0.1.x saved it) is refused before sending, naming the field', async (operation) => {
		const { error } = await runGen(gen.sandbox, { resource: 'generation', operation, generationId: '9001' });

		expect(error?.message).toBe('Agent is empty');
		expect(gen.sandbox.requests).toEqual([]);
	});

	it.each(['stop', 'continue'])("%s of another agent's generation is GEN's 404", async (operation) => {
		const id = await started();
		const { error } = await runGen(gen.sandbox, generation(operation, id, { agentId: keyLocator('agent_2') }));

		expect(error?.message).toBe('GEN API error 404: Generation not found [not_found]');
		expect(received(gen.sandbox)[0].body).toMatchObject({ agent_id: 'agent_2' });
	});

	it('Wait on a generation that was stopped: an error, no polling', async () => {
		const id = await started();
		await runGen(gen.sandbox, generation('stop', id));
		gen.sandbox.clearRequests();
		const { error } = await runGen(gen.sandbox, generation('wait', id));
		expect(error?.message).toBe(`GEN generation ${id} was stopped`);
		expect(received(gen.sandbox)).toHaveLength(1);
	});

	it('Wait: picks up a generation started earlier and outputs it finished', async () => {
		const id = await started(true);
		const { items } = await runGen(gen.sandbox, generation('wait', id));

		expect(jsonOf(items)).toEqual([expect.objectContaining({ id: Number(id), status: 'completed' })]);
		expect(gen.sandbox.generationPolls(id)).toBeGreaterThanOrEqual(2);
	});

	it.each(['../vidsheet', '9001/stop', '..'])('hostile generation ID %s never reaches another endpoint', async (generationId) => {
		const { sandbox } = gen;
		await runGen(sandbox, generation('get', generationId));

		expect(sandbox.requests.every(({ path }) => /^\/v1\/generations\/[^/]+$/.test(path))).toBe(true);
	});

	it('a blank ID is refused', async () => {
		const { error } = await runGen(gen.sandbox, generation('get', '={{ "" }}'));

		expect(shown(error)?.message).toBe('Generation ID is empty');
		expect(gen.sandbox.requests).toEqual([]);
	});
});
