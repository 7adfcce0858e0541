/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: reads the built codex file */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import { loadPackage, repoRoot } from './harness/n8n';
import { genCredentials, useSandbox } from './support/gen';
import { pollTrigger, TRIGGER_TYPE } from './support/poll';
import { editorParameters } from './support/editor-integrity';

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

	it('Fetch Test Event with no idea in the status emits the newest idea of the agent, as a sample', async () => {
		const result = await pollTrigger(env.sandbox, ideaStatus, { mode: 'manual' });
		expect(ids(result)).toEqual([504]);
		expect(env.sandbox.agent.requests.slice(-2).map(({ query }) => query)).toEqual([
			{ agent_id: 'agent_1', status: 'approved_to_post' },
			{ agent_id: 'agent_1' },
		]);
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
		const wrong = ['gen', 'wrong', 'key', '123'].join('_');
		const credentials = genCredentials(env.sandbox, wrong);
		const staticData: IDataObject = {};
		const failure = pollTrigger(env.sandbox, ideaStatus, { staticData, credentials });
		await expect(failure).rejects.toMatchObject({ httpCode: '401' });
		const error = (await failure.catch((caught: unknown) => caught)) as Error & { description?: string };
		expect(error.description).toBeTruthy();
		expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain(wrong);
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

	it('remembers at most 2000 ideas, and an idea that fell out of a full record is not emitted again', async () => {
		const staticData: IDataObject = {};
		for (let id = 1000; id < 3100; id++) addIdea(id);
		expect(await pollTrigger(env.sandbox, newIdea, { staticData })).toBeNull();
		expect(staticData.record).toHaveLength(2000);
		expect(await pollTrigger(env.sandbox, newIdea, { staticData })).toBeNull();
		addIdea(3100);
		expect(ids(await pollTrigger(env.sandbox, newIdea, { staticData }))).toEqual([3100]);
		expect(await pollTrigger(env.sandbox, newIdea, { staticData })).toBeNull();
	});

	it('Fetch Test Event emits the newest idea', async () => {
		addIdea(601);
		expect(ids(await pollTrigger(env.sandbox, newIdea, { mode: 'manual' }))).toEqual([601]);
	});
});

describe('GEN Trigger: Cell Content Ready', () => {
	const cellReady = (extra: IDataObject = {}) => ({
		event: 'cellReady',
		agentId: { __rl: true, mode: 'id', value: 'agent_1' },
		contentEngineId: { __rl: true, mode: 'id', value: '101' },
		...extra,
	});
	/** Starts a generation of a cell the way the GEN node does (the sandbox finishes it at once). */
	const generate = async (cellId: number) => {
		const answer = await fetch(`${env.sandbox.baseUrl}/vidsheet/101/cells/${cellId}/generate?agent_id=agent_1`, {
			method: 'POST',
			headers: { 'X-API-Key': env.sandbox.apiKey, 'Content-Type': 'application/json', 'Idempotency-Key': `trigger-${cellId}-${Math.random()}` },
			body: JSON.stringify({ generation_type: 'text', data: { prompt: 'Write a hook', model: 'gpt_4o' } }),
		});
		expect(answer.status).toBe(201);
		return ((await answer.json()) as { generation_id: number }).generation_id;
	};

	it('is silent on the first poll, then emits a finished generation once with its cell, column and row', async () => {
		const staticData: IDataObject = {};
		expect(await pollTrigger(env.sandbox, cellReady(), { staticData })).toBeNull();
		const generationId = await generate(env.sandbox.seed.cellId(1, 1));
		const result = await pollTrigger(env.sandbox, cellReady(), { staticData });
		expect(result![0]).toHaveLength(1);
		expect(result![0][0].json).toMatchObject({
			cell_id: 4011,
			row_id: 301,
			column_id: 201,
			column_name: 'Hook',
			generation: { id: generationId, status: 'completed' },
		});
		expect(await pollTrigger(env.sandbox, cellReady(), { staticData })).toBeNull();
		const [request] = env.sandbox.requests.slice(-1);
		expect(request).toMatchObject({ method: 'GET', path: '/v1/vidsheet/101', query: { agent_id: 'agent_1' } });
	});

	it('keeps only the chosen column, and failed generations only with Include Failed', async () => {
		const onlyScript: IDataObject = {};
		const withFailed: IDataObject = {};
		await pollTrigger(env.sandbox, cellReady({ column: 'script' }), { staticData: onlyScript });
		await pollTrigger(env.sandbox, cellReady({ includeFailed: true }), { staticData: withFailed });
		await generate(env.sandbox.seed.cellId(1, 1));
		env.sandbox.generationOutcome({ outcome: 'failed' });
		await generate(env.sandbox.seed.cellId(1, 2));
		expect(await pollTrigger(env.sandbox, cellReady({ column: 'script' }), { staticData: onlyScript })).toBeNull();
		const both = await pollTrigger(env.sandbox, cellReady({ includeFailed: true }), { staticData: withFailed });
		expect(both![0].map((item) => [item.json.cell_id, (item.json.generation as IDataObject).status])).toEqual([
			[4011, 'completed'],
			[4012, 'failed'],
		]);
	});

	it('Fetch Test Event with no finished generation emits the newest cell, as a sample', async () => {
		const result = await pollTrigger(env.sandbox, cellReady({ column: 'Hook' }), { mode: 'manual' });
		expect(result![0].map(({ json }) => [json.column_name, json.generation])).toEqual([['Hook', undefined]]);
	});

	it('a 429 keeps the record; Fetch Test Event gives the newest finished cell', async () => {
		const staticData: IDataObject = {};
		await pollTrigger(env.sandbox, cellReady(), { staticData });
		await generate(env.sandbox.seed.cellId(2, 1));
		env.sandbox.fault({ status: 429 });
		expect(await pollTrigger(env.sandbox, cellReady(), { staticData })).toBeNull();
		const manual = await pollTrigger(env.sandbox, cellReady(), { staticData, mode: 'manual' });
		expect(manual![0].map((item) => item.json.cell_id)).toEqual([4021]);
		expect(ids(await pollTrigger(env.sandbox, cellReady(), { staticData }))).toEqual([4021]);
	});
});

describe("GEN Trigger: n8n's poll budget", () => {
	const cellReady = { event: 'cellReady', agentId: { __rl: true, mode: 'id', value: 'agent_1' }, contentEngineId: { __rl: true, mode: 'id', value: '101' } };

	it('a poll GEN does not answer within the budget stops, keeps the record, and the next poll goes on', async () => {
		const staticData: IDataObject = {};
		await pollTrigger(env.sandbox, cellReady, { staticData, budgetMs: 5_000 });
		const before = JSON.parse(JSON.stringify(staticData));
		env.sandbox.setLatency(3_000);
		const started = Date.now();
		expect(await pollTrigger(env.sandbox, cellReady, { staticData, budgetMs: 100 })).toBeNull();
		expect(Date.now() - started).toBeLessThan(2_500);
		expect(staticData).toEqual(before);
		env.sandbox.setLatency(0);
		expect(await pollTrigger(env.sandbox, cellReady, { staticData, budgetMs: 5_000 })).toBeNull();
	});
});

describe('GEN Trigger: description', () => {
	it('is a polling trigger with no inputs, not a tool, with the events the issue names', async () => {
		const { nodeTypes } = await loadPackage();
		const { description } = nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1);
		expect(description).toMatchObject({ name: 'genTrigger', group: ['trigger'], polling: true, inputs: [] });
		expect(description.usableAsTool).toBeUndefined();
		expect(description.credentials?.map(({ name }) => name)).toEqual(['genApi', 'genJwtApi']);
		const event = description.properties.find(({ name }) => name === 'event');
		expect(event?.options?.map((option) => ('value' in option ? option.value : undefined))).toEqual(['ideaStatus', 'newIdea', 'cellReady', 'postOutcome']);
		const codex = JSON.parse(readFileSync(join(repoRoot, 'dist/nodes/GenTrigger/GenTrigger.node.json'), 'utf8')) as { node: string };
		expect(codex.node).toBe(TRIGGER_TYPE);
	});

	it('shows each event exactly its own fields (n8n-workflow display rules)', async () => {
		const { nodeTypes } = await loadPackage();
		const { description } = nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1);
		const fields = (event: string) => Object.keys(editorParameters(description, { event }));
		expect(fields('ideaStatus')).toEqual(['pollTimes', 'authentication', 'event', 'agentId', 'status']);
		expect(fields('newIdea')).toEqual(['pollTimes', 'authentication', 'event', 'agentId']);
		expect(fields('cellReady')).toEqual(['pollTimes', 'authentication', 'event', 'agentId', 'contentEngineId', 'column', 'includeFailed']);
		expect(fields('postOutcome')).toEqual(['pollTimes', 'authentication', 'event', 'agentId', 'platforms', 'outcome']);
		expect(editorParameters(description, { event: 'postOutcome' })).toMatchObject({ platforms: [], outcome: 'both' });
	});
});
