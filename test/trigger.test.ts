import type { IDataObject } from 'n8n-workflow';
import { useSandbox } from './support/gen';
import { pollTrigger } from './support/poll';

const env = useSandbox();

const ideaStatus = { event: 'ideaStatus', agentId: { __rl: true, mode: 'id', value: 'agent_1' }, status: 'approved_to_post' };
const newIdea = { event: 'newIdea', agentId: { __rl: true, mode: 'id', value: 'agent_1' } };

const ideas = () => env.sandbox.agent.state.ideas as IDataObject[];
const setStatus = (id: number, status: string) => {
	ideas().find((idea) => idea.id === id)!.status = status;
};
const addIdea = (id: number) =>
	ideas().push({ id, title: `Idea ${id}`, hook: '', status: 'generated', agent_id: 'agent_1', created_at: '2026-10-02T10:00:00Z' });
const ids = (result: Awaited<ReturnType<typeof pollTrigger>>) => (result ?? [[]])[0].map((item) => item.json.id);

describe('GEN Trigger: Idea Reached Status', () => {
	it('records what exists on the first poll, then emits an idea reaching the status once', async () => {
		const staticData: IDataObject = {};
		setStatus(503, 'approved_to_post');
		expect(await pollTrigger(env.sandbox, ideaStatus, { staticData })).toBeNull();
		expect(staticData.record).toEqual(['503']);

		setStatus(501, 'approved_to_post');
		const result = await pollTrigger(env.sandbox, ideaStatus, { staticData });
		expect(ids(result)).toEqual([501]);
		expect(result![0][0].json).toMatchObject({ id: 501, status: 'approved_to_post', title: 'Before & After Glow Up' });
		// Same state twice: nothing more.
		expect(await pollTrigger(env.sandbox, ideaStatus, { staticData })).toBeNull();

		const [request] = env.sandbox.agent.requests.slice(-1);
		expect(request).toMatchObject({ method: 'GET', path: '/v1/agent/ideas', query: { agent_id: 'agent_1', status: 'approved_to_post' } });
		expect(request.headers['x-api-key']).toBe(env.sandbox.apiKey);
	});

	it('keeps its record across a restart (static data saved and read back)', async () => {
		const saved: IDataObject = {};
		await pollTrigger(env.sandbox, ideaStatus, { staticData: saved });
		setStatus(502, 'approved_to_post');
		const restarted = JSON.parse(JSON.stringify(saved)) as IDataObject;
		expect(ids(await pollTrigger(env.sandbox, ideaStatus, { staticData: restarted }))).toEqual([502]);
		const again = JSON.parse(JSON.stringify(restarted)) as IDataObject;
		expect(await pollTrigger(env.sandbox, ideaStatus, { staticData: again })).toBeNull();
	});

	it('starts over silently when the parameters change', async () => {
		const staticData: IDataObject = {};
		await pollTrigger(env.sandbox, ideaStatus, { staticData });
		expect(await pollTrigger(env.sandbox, { ...ideaStatus, status: 'generated' }, { staticData })).toBeNull();
		expect(staticData.record).toEqual(['501', '502']);
	});

	it('emits an idea again when it leaves the status and comes back', async () => {
		const staticData: IDataObject = {};
		setStatus(501, 'approved_to_post');
		await pollTrigger(env.sandbox, ideaStatus, { staticData });
		setStatus(501, 'posted');
		expect(await pollTrigger(env.sandbox, ideaStatus, { staticData })).toBeNull();
		setStatus(501, 'approved_to_post');
		expect(ids(await pollTrigger(env.sandbox, ideaStatus, { staticData }))).toEqual([501]);
	});

	it('Fetch Test Event (manual mode) emits the newest match without touching the record', async () => {
		const staticData: IDataObject = {};
		await pollTrigger(env.sandbox, ideaStatus, { staticData });
		const before = JSON.parse(JSON.stringify(staticData));
		setStatus(502, 'approved_to_post');
		setStatus(503, 'approved_to_post');
		expect(ids(await pollTrigger(env.sandbox, ideaStatus, { staticData, mode: 'manual' }))).toEqual([503]);
		expect(staticData).toEqual(before);
		// The real poll still emits both.
		expect(ids(await pollTrigger(env.sandbox, ideaStatus, { staticData }))).toEqual([502, 503]);
	});

	it('a 429 or a 5xx skips the poll and keeps the record; the next poll emits the change', async () => {
		const staticData: IDataObject = {};
		await pollTrigger(env.sandbox, ideaStatus, { staticData });
		const before = JSON.parse(JSON.stringify(staticData));
		setStatus(501, 'approved_to_post');
		env.sandbox.agent.fault({ status: 429 });
		expect(await pollTrigger(env.sandbox, ideaStatus, { staticData })).toBeNull();
		env.sandbox.agent.fault({ status: 503 });
		expect(await pollTrigger(env.sandbox, ideaStatus, { staticData })).toBeNull();
		expect(staticData).toEqual(before);
		expect(ids(await pollTrigger(env.sandbox, ideaStatus, { staticData }))).toEqual([501]);
	});

	it('a 401 is an error of the poll, with advice and without the key', async () => {
		const credentials = { genApi: { apiKey: 'gen_wrong_key_123', baseUrl: env.sandbox.baseUrl, agentBaseUrl: env.sandbox.agent.baseUrl } };
		const staticData: IDataObject = {};
		const failure = pollTrigger(env.sandbox, ideaStatus, { staticData, credentials });
		await expect(failure).rejects.toMatchObject({ httpCode: '401' });
		const error = (await failure.catch((caught: unknown) => caught)) as Error & { description?: string };
		expect(error.description).toBeTruthy();
		expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain('gen_wrong_key_123');
		expect(staticData).toEqual({});
	});

	it('a 404 (unknown agent) says what GEN did not find', async () => {
		env.sandbox.agent.fault({ status: 404, json: { error: 'Not found', error_code: 'not_found' } });
		await expect(pollTrigger(env.sandbox, ideaStatus)).rejects.toMatchObject({ httpCode: '404', description: expect.stringContaining('agent') });
	});
});

describe('GEN Trigger: New Idea', () => {
	it('is silent on the first poll, emits each new idea once, at most 50 a poll', async () => {
		const staticData: IDataObject = {};
		expect(await pollTrigger(env.sandbox, newIdea, { staticData })).toBeNull();
		addIdea(600);
		expect(ids(await pollTrigger(env.sandbox, newIdea, { staticData }))).toEqual([600]);
		expect(await pollTrigger(env.sandbox, newIdea, { staticData })).toBeNull();

		for (let id = 700; id < 760; id++) addIdea(id);
		const first = ids(await pollTrigger(env.sandbox, newIdea, { staticData }));
		expect(first).toHaveLength(50);
		expect(first[0]).toBe(700);
		const rest = ids(await pollTrigger(env.sandbox, newIdea, { staticData }));
		expect(rest).toEqual(Array.from({ length: 10 }, (_unused, index) => 750 + index));
		expect(await pollTrigger(env.sandbox, newIdea, { staticData })).toBeNull();
	});

	it('Fetch Test Event emits the newest idea', async () => {
		addIdea(601);
		expect(ids(await pollTrigger(env.sandbox, newIdea, { mode: 'manual' }))).toEqual([601]);
	});
});
