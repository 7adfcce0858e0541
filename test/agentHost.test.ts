/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, not node code: watches the sandbox to cancel a run at the right moment */
import { GenApi } from '../dist/credentials/GenApi.credentials';
import { runGen, jsonOf, keyLocator, serialized, useSandbox, type GenParameters } from './support/gen';

const gen = useSandbox();

const AGENT = keyLocator('agent_1');
const fast = { pollIntervalSeconds: 1 };
const idea = (operation: string, more: GenParameters = {}) => ({ resource: 'idea', operation, agentId: AGENT, options: fast, ...more });
const research = (operation: string, more: GenParameters = {}) => ({ resource: 'research', operation, agentId: AGENT, options: fast, ...more });
const chat = (operation: string, more: GenParameters = {}) => ({ resource: 'agentChat', operation, agentId: AGENT, options: fast, ...more });

const agentLines = () => gen.sandbox.agent.requests.map(({ method, url }) => `${method} ${url}`);

describe('the agent host', () => {
	it('gets only agent-host requests, with the key; the main API sees none of them', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, idea('getAll'));

		expect(error).toBeUndefined();
		expect(agentLines()).toEqual(['GET /v1/agent/ideas?agent_id=agent_1']);
		expect(sandbox.agent.requests[0].headers['x-api-key']).toBe(sandbox.apiKey);
		expect(sandbox.requests).toEqual([]);
	});

	it('never sees a request meant for the main API', async () => {
		const { sandbox } = gen;
		await runGen(sandbox, { resource: 'user', operation: 'getCurrent' });

		expect(sandbox.requests.map(({ path }) => path)).toEqual(['/v1/me']);
		expect(sandbox.agent.requests).toEqual([]);
	});

	it('a redirect from the agent host is refused: the key is not sent on', async () => {
		const { sandbox } = gen;
		sandbox.agent.fault({ status: 302, headers: { Location: `${sandbox.baseUrl}/me` } });
		const { error } = await runGen(sandbox, idea('getAll'));

		expect(error?.message).toMatch(/redirect/i);
		expect(sandbox.requests).toEqual([]);
		expect(sandbox.agent.requests).toHaveLength(1);
	});

	it.each([
		['legacy', { error: 'Agent not found', error_code: 'agent_not_found' }, 'Agent not found'],
		['modern', { code: 'agent_not_found', message: 'No such agent', errors: [], retryable: false }, 'No such agent'],
		['publishing', { detail: { error: 'Agent is archived', error_code: 'agent_archived' } }, 'Agent is archived'],
	])('reads the %s error envelope from the agent host', async (_kind, json, message) => {
		const { sandbox } = gen;
		sandbox.agent.fault({ status: 422, json });
		const { error } = await runGen(sandbox, idea('getAll'));

		expect(error?.message).toContain(message);
	});

	it('a saved credential without Agent API Base URL goes to agent.gen.pro', async () => {
		const options = await new GenApi().authenticate({ apiKey: 'k', baseUrl: 'https://api.gen.pro/v1' }, { baseURL: 'https://agent.gen.pro/v1', url: '/agent/ideas' });
		expect(options.baseURL).toBe('https://agent.gen.pro/v1');
		const main = await new GenApi().authenticate({ apiKey: 'k', baseUrl: 'https://api.gen.pro/v1' }, { baseURL: 'https://api.gen.pro/v1', url: '/me' });
		expect(main.baseURL).toBe('https://api.gen.pro/v1');
	});

	it.each([
		['http://agent.example.com/v1', 'https://'],
		['https://agent.gen.pro/v1?x=1', 'query'],
		['https://agent.gen.pro/v1#x', 'fragment'],
		['https://user:pw@agent.gen.pro/v1', 'user name'],
	])('refuses the Agent API Base URL %s before sending', async (agentBaseUrl, why) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, idea('getAll'), {
			credentials: { genApi: { apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl, agentBaseUrl } },
		});

		expect(error?.message).toContain("Agent API Base URL is not valid");
		expect(error?.message).toContain(why);
		expect(serialized(error)).not.toContain(sandbox.apiKey);
		expect(sandbox.agent.requests).toEqual([]);
	});

	it('an absolute URL on the agent host is allowed; one elsewhere is not', async () => {
		const credentials = { apiKey: 'k', baseUrl: 'https://api.gen.pro/v1', agentBaseUrl: 'https://agent.gen.pro/v1' };
		await expect(new GenApi().authenticate(credentials, { url: 'https://agent.gen.pro/v1/agent/ideas' })).resolves.toBeDefined();
		await expect(new GenApi().authenticate(credentials, { url: 'https://agent.gen.pro.evil.com/v1' })).rejects.toThrow(/only sends its secret/);
	});
});

describe('Idea', () => {
	it('Generate sends the brief with an idempotency key, waits for the job and outputs one item per idea', async () => {
		const { sandbox } = gen;
		sandbox.agent.setJobOutcome({ ending: 'completed', polls: 2 });
		const { items, error } = await runGen(
			sandbox,
			idea('generate', { brief: 'skincare', count: 3, videoType: 3, requirements: ['under 12 seconds'], additionalFields: '{"target_duration_seconds": 12}' }),
		);

		expect(error).toBeUndefined();
		expect(sandbox.agent.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v1/ideas/generate',
			body: {
				agent_id: 'agent_1',
				brief: 'skincare',
				count: 3,
				video_type: 3,
				requirements: ['under 12 seconds'],
				target_duration_seconds: 12,
				idempotency_key: expect.stringMatching(/^n8n-/),
			},
		});
		expect(agentLines().slice(1)).toEqual(['GET /v1/ideas/jobs/job_1', 'GET /v1/ideas/jobs/job_1']);
		expect(jsonOf(items).map(({ title }) => title)).toEqual(['Idea 1 about skincare', 'Idea 2 about skincare', 'Idea 3 about skincare']);
		expect(items.every(({ pairedItem }) => (pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Generate without waiting outputs the job as GEN answers', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, idea('generate', { waitForCompletion: false }));

		expect(jsonOf(items)).toEqual([{ job_id: 'job_1', status: 'queued', run_id: 'run_2' }]);
		expect(agentLines()).toEqual(['POST /v1/ideas/generate']);
	});

	it('a retried item sends the same idempotency key, and GEN starts one job', async () => {
		const { sandbox } = gen;
		sandbox.agent.fault({ status: 503, serve: true, match: { method: 'POST', path: '/v1/ideas/generate' } });
		const { items } = await runGen(sandbox, idea('generate', { waitForCompletion: false }), { retryOnFail: { maxTries: 2 } });

		const keys = sandbox.agent.requests.filter(({ method }) => method === 'POST').map(({ body }) => (body as { idempotency_key: string }).idempotency_key);
		expect(keys).toHaveLength(2);
		expect(keys[0]).toBe(keys[1]);
		expect(jsonOf(items)).toEqual([expect.objectContaining({ job_id: 'job_1' })]);
		expect(sandbox.agent.state.jobs.size).toBe(1);
	});

	it.each([
		['Count', { count: 51 }, '"Count" must be 50 or less'],
		['Additional Fields', { additionalFields: '[1]' }, 'Additional Fields (JSON) must be a JSON object'],
		['Agent', { agentId: keyLocator('') }, 'Agent is empty'],
	])('refuses a bad %s before sending', async (_field, more, message) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, idea('generate', more));

		expect(error?.message).toBe(message);
		expect(sandbox.agent.requests).toEqual([]);
	});

	it('a failed job is an error with GEN\'s error', async () => {
		const { sandbox } = gen;
		sandbox.agent.setJobOutcome({ ending: 'failed' });
		const { error } = await runGen(sandbox, idea('generate'));

		expect(error?.message).toBe('GEN ideas job job_1 failed: The agent has no research sources yet: connect an account in GEN');
	});

	it('a job that never ends stops at the timeout and names Idea > Get Job', async () => {
		const { sandbox } = gen;
		sandbox.agent.setJobOutcome({ ending: 'never' });
		const { error } = await runGen(sandbox, idea('generate', { options: { ...fast, timeoutMinutes: 0.005 } }));

		expect(error?.message).toBe('GEN ideas job job_1 is not finished after 0.3 seconds');
		expect(error?.description).toBe('It goes on in GEN. Pick it up later with GEN > Idea > Get Job (Job ID job_1).');
	});

	it('Get Job picks a job up, waits on, and outputs its ideas', async () => {
		const { sandbox } = gen;
		sandbox.agent.setJobOutcome({ ending: 'completed', polls: 2 });
		await runGen(sandbox, idea('generate', { count: 2, waitForCompletion: false }));
		sandbox.agent.clearRequests();
		const { items } = await runGen(sandbox, idea('getJob', { jobId: 'job_1' }));

		expect(agentLines()).toEqual(['GET /v1/ideas/jobs/job_1', 'GET /v1/ideas/jobs/job_1']);
		expect(items).toHaveLength(2);
	});

	it('Get Many filters by status and trims to Limit', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, idea('getAll', { statusFilter: 'generated', limit: 1 }));

		expect(agentLines()).toEqual(['GET /v1/agent/ideas?agent_id=agent_1&status=generated']);
		expect(jsonOf(items).map(({ id }) => id)).toEqual([501]);
	});

	it.each([
		['get', {}, 'GET', '/v1/agent/ideas/501', { id: 501, status: 'generated' }],
		['setStatus', { ideaStatus: 'approve_to_create' }, 'PUT', '/v1/agent/ideas/501/status/approve_to_create', { id: 501, status: 'approve_to_create' }],
		['expand', {}, 'POST', '/v1/ideas/501/expand', { idea_id: 501, project_manifest: expect.any(Object) }],
		['createVideo', {}, 'POST', '/v1/ideas/501/create-video', { idea_id: 501, spreadsheet_id: 777 }],
	])('%s sends %s %s', async (operation, more, method, path, output) => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, idea(operation, { ideaId: keyLocator('501'), ...more }));

		expect(error).toBeUndefined();
		expect(sandbox.agent.requests.map((r) => [r.method, r.path])).toEqual([[method, path]]);
		expect(jsonOf(items)).toEqual([expect.objectContaining(output)]);
	});

	it('Set Status refuses a status GEN does not have', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, idea('setStatus', { ideaId: keyLocator('501'), ideaStatus: 'approved' }));

		expect(error?.message).toBe('Status "approved" is not one of GEN\'s idea statuses');
		expect(sandbox.agent.requests).toEqual([]);
	});
});

describe('Research', () => {
	it('Run sends the query with its options and an idempotency key, and outputs the result', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(
			sandbox,
			research('run', { query: 'sunscreen', researchMode: 'news', options: { ...fast, platforms: ['x'], days: 30, resultLimit: 10 } }),
		);

		expect(error).toBeUndefined();
		expect(sandbox.agent.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v1/analyze/research',
			body: { agent_id: 'agent_1', query: 'sunscreen', mode: 'news', platforms: ['x'], days: 30, limit: 10, idempotency_key: expect.any(String) },
		});
		expect(agentLines()[1]).toBe('GET /v1/analyze/jobs/job_1');
		expect(jsonOf(items)).toEqual([{ kind: 'research', query: 'sunscreen', items: expect.any(Array) }]);
	});

	it('Run refuses an empty Query before sending', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, research('run', { query: ' ' }));

		expect(error?.message).toBe('Query is empty');
		expect(sandbox.agent.requests).toEqual([]);
	});

	it('Trends sends branch, query, platform and mode, and outputs the result', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, research('trends', { branch: 'hooks', query: '#skincare', platform: 'tiktok', trendMode: 'hashtag' }));

		expect(sandbox.agent.requests[0].body).toEqual({
			agent_id: 'agent_1',
			branch: 'hooks',
			query: '#skincare',
			platform: 'tiktok',
			mode: 'hashtag',
			idempotency_key: expect.any(String),
		});
		expect(jsonOf(items)).toEqual([expect.objectContaining({ kind: 'trends', query: '#skincare' })]);
	});

	it('a research job that never ends names Research > Get Job', async () => {
		const { sandbox } = gen;
		sandbox.agent.setJobOutcome({ ending: 'never' });
		const { error } = await runGen(sandbox, research('trends', { options: { ...fast, timeoutMinutes: 0.005 } }));

		expect(error?.description).toBe('It goes on in GEN. Pick it up later with GEN > Research > Get Job (Job ID job_1).');
	});

	it('stops waiting when the execution is cancelled', async () => {
		const { sandbox } = gen;
		sandbox.agent.setJobOutcome({ ending: 'never' });
		const cancelOnFirstPoll = (cancel: () => void) => {
			const check = setInterval(() => {
				if (sandbox.agent.requests.some(({ method }) => method === 'GET')) {
					clearInterval(check);
					cancel();
				}
			}, 5);
		};
		const { run } = await runGen(sandbox, research('trends'), { onStarted: cancelOnFirstPoll });

		const polls = sandbox.agent.polls('job_1');
		expect(polls).toBeLessThanOrEqual(2);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(sandbox.agent.polls('job_1')).toBe(polls);
		const error = run.data.resultData.runData.GEN?.[0]?.error ?? run.data.resultData.error;
		expect(['GEN research job job_1 was still running when the execution was cancelled', 'canceled']).toContain(error?.message);
	});

	it('Get Job without waiting outputs the job as it is', async () => {
		const { sandbox } = gen;
		sandbox.agent.setJobOutcome({ ending: 'never' });
		await runGen(sandbox, research('trends', { waitForCompletion: false }));
		const { items } = await runGen(sandbox, research('getJob', { jobId: 'job_1', waitForCompletion: false }));

		expect(jsonOf(items)).toEqual([expect.objectContaining({ job_id: 'job_1', status: 'running' })]);
	});
});

describe('Agent Chat', () => {
	it('Ask waits for the run and outputs its answer; never the progress stream URL', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, chat('ask', { message: 'Give me 3 hooks', conversationId: 'conv_9' }));

		expect(error).toBeUndefined();
		expect(sandbox.agent.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v1/agent/run',
			body: { message: 'Give me 3 hooks', agent_id: 'agent_1', conversation_id: 'conv_9' },
		});
		expect(jsonOf(items)).toEqual([
			{
				run_id: 'run_1',
				conversation_id: 'conv_9',
				status: 'completed',
				answer: 'Here is my answer to: Give me 3 hooks',
				messages: [
					{ role: 'user', content: 'Give me 3 hooks' },
					{ role: 'assistant', content: 'Here is my answer to: Give me 3 hooks' },
				],
			},
		]);
		expect(serialized(items)).not.toContain('secret-stream-token');
	});

	it('without waiting, outputs the started run without its stream URL', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, chat('ask', { message: 'hi', waitForCompletion: false }));

		expect(jsonOf(items)).toEqual([{ run_id: 'run_1', conversation_id: 'conv_2', status: 'running' }]);
	});

	it('a run awaiting approval ends the wait at once with GEN\'s pending action', async () => {
		const { sandbox } = gen;
		sandbox.agent.setRunOutcome({ ending: 'awaiting_approval' });
		const { items, error } = await runGen(sandbox, chat('ask', { message: 'make a vidsheet' }));

		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual([
			expect.objectContaining({ run_id: 'run_1', status: 'awaiting_approval', pending_action: { tool: 'create_vidsheet', summary: 'Create a vidsheet for idea 501' } }),
		]);
		expect(sandbox.agent.polls('run_1')).toBe(1);
	});

	it('Approve and Reject decide the pending action; Get Run then picks the run up', async () => {
		const { sandbox } = gen;
		sandbox.agent.setRunOutcome({ ending: 'awaiting_approval' });
		await runGen(sandbox, chat('ask', { message: 'make a vidsheet' }));
		sandbox.agent.clearRequests();
		const approved = await runGen(sandbox, chat('approve', { runId: 'run_1' }));
		const got = await runGen(sandbox, chat('getRun', { runId: 'run_1' }));

		expect(sandbox.agent.requests[0]).toMatchObject({ method: 'POST', path: '/v1/agent/runs/run_1/approve', body: { approved: true } });
		expect(jsonOf(approved.items)).toEqual([{ run_id: 'run_1', status: 'running' }]);
		expect(jsonOf(got.items)).toEqual([expect.objectContaining({ status: 'completed', answer: 'Here is my answer to: make a vidsheet' })]);

		sandbox.agent.setRunOutcome({ ending: 'awaiting_approval' });
		await runGen(sandbox, chat('ask', { message: 'post it' }));
		const rejected = await runGen(sandbox, chat('reject', { runId: 'run_3' }));
		expect(sandbox.agent.requests.at(-1)?.body).toEqual({ approved: false });
		expect(jsonOf(rejected.items)).toEqual([{ run_id: 'run_3', status: 'failed' }]);
	});

	it('a failed run is an error with GEN\'s error; a run that never ends names Agent Chat > Get Run', async () => {
		const { sandbox } = gen;
		sandbox.agent.setRunOutcome({ ending: 'failed' });
		const failed = await runGen(sandbox, chat('ask', { message: 'x' }));
		expect(failed.error?.message).toBe('GEN agent run run_1 failed: The agent has no research sources yet: connect an account in GEN');

		sandbox.agent.setRunOutcome({ ending: 'never' });
		const timedOut = await runGen(sandbox, chat('ask', { message: 'x', options: { ...fast, timeoutMinutes: 0.005 } }));
		expect(timedOut.error?.description).toBe('It goes on in GEN. Pick it up later with GEN > Agent Chat > Get Run (Run ID run_3).');
	});
});

describe('hostile IDs on the agent host', () => {
	const HOSTILE = '../me?x=1#y';
	const ENCODED = encodeURIComponent(HOSTILE);
	it.each([
		[idea('get', { ideaId: keyLocator(HOSTILE) }), `/v1/agent/ideas/${ENCODED}`],
		[idea('setStatus', { ideaId: keyLocator(HOSTILE) }), `/v1/agent/ideas/${ENCODED}/status/approve_to_create`],
		[idea('expand', { ideaId: keyLocator(HOSTILE) }), `/v1/ideas/${ENCODED}/expand`],
		[idea('createVideo', { ideaId: keyLocator(HOSTILE) }), `/v1/ideas/${ENCODED}/create-video`],
		[idea('getJob', { jobId: HOSTILE }), `/v1/ideas/jobs/${ENCODED}`],
		[research('getJob', { jobId: HOSTILE }), `/v1/analyze/jobs/${ENCODED}`],
		[chat('getRun', { runId: HOSTILE }), `/v1/agent/runs/${ENCODED}`],
		[chat('approve', { runId: HOSTILE }), `/v1/agent/runs/${ENCODED}/approve`],
	])('%# stays one encoded path segment', async (parameters, path) => {
		const { sandbox } = gen;
		await runGen(sandbox, parameters);

		expect(sandbox.agent.requests.map(({ url }) => url)).toEqual([path]);
	});

	it.each(['..', '.'])('refuses the dot-only ID %s', async (id) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, chat('getRun', { runId: id }));

		expect(error?.message).toBe(`Run ID "${id}" is not a valid ID`);
		expect(sandbox.agent.requests).toEqual([]);
	});
});
