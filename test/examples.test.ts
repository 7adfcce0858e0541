/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not node code: reads the example workflows */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IConnections, IDataObject, INode } from 'n8n-workflow';
import { MANUAL_TRIGGER_NODE_TYPE, repoRoot, runWorkflow } from './harness/n8n';
import { genCredentials, received, useSandbox } from './support/gen';
import { pollTrigger, TRIGGER_TYPE } from './support/poll';

const gen = useSandbox();

const GEN_CREDENTIAL = { genApi: { id: 'genApi', name: 'genApi' } };

function readExample(file: string) {
	const workflow = JSON.parse(readFileSync(join(repoRoot, 'examples', file), 'utf8')) as { nodes: INode[]; connections: IConnections };
	return { ...workflow, byName: new Map(workflow.nodes.map((node) => [node.name, node])) };
}

/** The connections among `names` only. */
function connectionsAmong(connections: IConnections, names: Set<string>): IConnections {
	return Object.fromEntries(
		Object.entries(connections)
			.filter(([from]) => names.has(from))
			.map(([from, outputs]) => [from, { main: [(outputs.main[0] ?? []).filter(({ node }) => names.has(node))] }]),
	);
}

/**
 * An example workflow's GEN part through n8n-core: from its "Run now" trigger up to (not
 * including) the first node that is not GEN's. The end-to-end suite runs the whole workflow in n8n.
 */
function genPartOf(file: string) {
	const workflow = readExample(file);
	const { byName } = workflow;
	const nodes = [byName.get('Run now') as INode];
	for (let next = workflow.connections['Run now']?.main[0]?.[0]?.node; next; ) {
		const node = byName.get(next) as INode;
		if (node.type !== 'n8n-nodes-gen.gen') break;
		nodes.push({ ...node, credentials: GEN_CREDENTIAL });
		next = workflow.connections[next]?.main[0]?.[0]?.node;
	}
	nodes[0] = { ...nodes[0], type: MANUAL_TRIGGER_NODE_TYPE };
	return { nodes, connections: connectionsAmong(workflow.connections, new Set(nodes.map((node) => node.name))) };
}

const byCaption = (a: unknown, b: unknown) =>
	String((a as { description?: unknown }).description).localeCompare(String((b as { description?: unknown }).description));

const outputOf = (run: Awaited<ReturnType<typeof runWorkflow>>, node: string) =>
	run.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? [];

describe('examples/ through n8n-core', () => {
	it('fill-empty-script-cells: finds the empty Script cells and has GEN write each one', async () => {
		const { sandbox } = gen;
		const run = await runWorkflow(
			{ ...genPartOf('fill-empty-script-cells.json'), settings: {} },
			genCredentials(sandbox),
		);

		expect(run.data.resultData.error).toBeUndefined();
		expect(outputOf(run, 'Write script').map(({ json }) => json.status)).toEqual(['completed', 'completed']);
		expect(received(sandbox).filter(({ path }) => path.endsWith('/generate')).map(({ path }) => path)).toEqual([
			'/v1/vidsheet/101/cells/4022/generate',
			'/v1/vidsheet/101/cells/4032/generate',
		]);
	}, 60_000);

	it('fill-empty-script-cells with no empty cell left: the run goes on to the summary and starts no generation', async () => {
		const { sandbox } = gen;
		const workflow = { ...genPartOf('fill-empty-script-cells.json'), settings: {} };
		await runWorkflow(workflow, genCredentials(sandbox));
		sandbox.clearRequests();
		const run = await runWorkflow(workflow, genCredentials(sandbox));

		// Always Output Data hands on one empty item, so the Summary after "Write script" still runs.
		expect(outputOf(run, 'Empty Script cells').map(({ json }) => json)).toEqual([{}]);
		expect(outputOf(run, 'Write script').map(({ json }) => json.error)).toEqual(['Cell is empty']);
		expect(received(sandbox).map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /v1/vidsheet/101']);
	}, 60_000);

	it('weekly-ideas-to-vidsheets: trends, then ideas written on them, each with the hook the IF after them reads', async () => {
		const { sandbox } = gen;
		const run = await runWorkflow({ ...genPartOf('weekly-ideas-to-vidsheets.json'), settings: {} }, genCredentials(sandbox));

		expect(run.data.resultData.error).toBeUndefined();
		const [trends] = outputOf(run, "This week's trends");
		const generate = sandbox.agent.requests.find(({ path }) => path === '/v1/ideas/generate');
		expect(generate?.body).toMatchObject({ agent_id: 'agent_1', count: 5, brief: expect.stringContaining(JSON.stringify(trends.json)) });
		// "Has a hook?" keeps the ideas whose `hook` is not empty: every idea must carry the field.
		const ideas = outputOf(run, 'Generate ideas').map(({ json }) => json);
		expect(ideas).toHaveLength(5);
		expect(ideas.every((idea) => typeof idea.hook === 'string' && typeof idea.id === 'number')).toBe(true);
		expect(ideas.filter((idea) => idea.hook !== '').length).toBeGreaterThan(0);
		expect(sandbox.requests).toEqual([]);
	}, 60_000);

	it('idea-to-video: clone, script, speech, render, and the MP4 as binary data', async () => {
		const { sandbox } = gen;
		const run = await runWorkflow({ ...genPartOf('idea-to-video.json'), settings: {} }, genCredentials(sandbox));

		expect(run.data.resultData.error).toBeUndefined();
		const [video] = outputOf(run, 'Render video');
		expect(video.json.status).toBe('completed');
		expect(video.binary?.video).toMatchObject({ mimeType: 'video/mp4', fileExtension: 'mp4' });
		expect(sandbox.cdn.requests.every(({ headers }) => !headers['x-api-key'])).toBe(true);
	}, 60_000);

	it('trend-to-posted-video: idea, clone, script from the idea, speech, render, published on YouTube and TikTok', async () => {
		const { sandbox } = gen;
		const run = await runWorkflow({ ...genPartOf('trend-to-posted-video.json'), settings: {} }, genCredentials(sandbox));

		expect(run.data.resultData.error).toBeUndefined();
		const [idea] = outputOf(run, 'Generate idea');
		expect(outputOf(run, 'Write script')[0].json.value).toBe([idea.json.hook, idea.json.title].filter(Boolean).join('. '));
		const [render] = outputOf(run, 'Render video');
		const publish = sandbox.requests.find(({ path }) => path === '/v1/schedule/with-post');
		expect(publish?.body).toMatchObject({ agent_id: 'agent_1', platform: ['youtube', 'tiktok'], schedule_type: 'now', media_url: (render.json.output_resources as Array<{ url: string }>)[0].url, title: String(idea.json.title).slice(0, 100) });
		expect(publish?.headers['idempotency-key']).toMatch(/^n8n-/);
		const [post] = outputOf(run, 'Publish');
		expect(Object.keys(post.json.published as object).sort()).toEqual(['tiktok', 'youtube']);
	}, 60_000);

	it('approved-idea-to-post: the ideas the trigger emits are posted to LinkedIn and X as text, then marked posted', async () => {
		const { sandbox } = gen;
		const workflow = readExample('approved-idea-to-post.json');
		const trigger = workflow.nodes.find((node) => node.type === TRIGGER_TYPE) as INode;
		expect(trigger.parameters).toMatchObject({ event: 'ideaStatus', status: 'approved_to_post', pollTimes: { item: [{ mode: 'everyMinute' }] } });
		// The trigger's own polls, as n8n runs them once the workflow is active: the first records.
		const staticData: IDataObject = {};
		expect(await pollTrigger(sandbox, trigger.parameters, { staticData })).toBeNull();
		const ideas = sandbox.agent.state.ideas;
		ideas.find((idea) => idea.id === 501)!.status = 'approved_to_post';
		// Longer than X takes: the caption is cut at 280 characters, so the post is not refused.
		Object.assign(ideas.find((idea) => idea.id === 502)!, { status: 'approved_to_post', description: 'Long read. '.repeat(40) });
		const [emitted] = (await pollTrigger(sandbox, trigger.parameters, { staticData })) ?? [[]];
		expect(emitted.map(({ json }) => json.id)).toEqual([501, 502]);

		// The rest of the workflow, from the trigger's output as n8n hands it on.
		const nodes = workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-gen.')).map((node) => ({ ...node, credentials: GEN_CREDENTIAL }));
		const connections = connectionsAmong(workflow.connections, new Set(nodes.map((node) => node.name)));
		const run = await runWorkflow({ nodes, connections, settings: {}, pinData: { [trigger.name]: emitted } }, genCredentials(sandbox));

		expect(run.data.resultData.error).toBeUndefined();
		const posts = sandbox.requests.filter(({ path }) => path === '/v1/schedule/with-post');
		const captions = emitted.map(({ json }) => `${String(json.title)}\n\n${String(json.description)}`.slice(0, 280));
		expect(captions[1]).toHaveLength(280);
		expect(posts.map(({ body }) => body).sort(byCaption)).toEqual(
			captions.map((description) => ({ agent_id: 'agent_1', platform: ['linkedin', 'x'], schedule_type: 'now', description, strict: true })).sort(byCaption),
		);
		expect(new Set(posts.map(({ headers }) => headers['idempotency-key'])).size).toBe(2);
		expect(outputOf(run, 'Post to LinkedIn and X').map(({ json }) => Object.keys(json.published as object).sort())).toEqual([['linkedin', 'x'], ['linkedin', 'x']]);
		// Each idea is marked posted by its own ID (paired with the post made of it).
		expect(outputOf(run, 'Mark as posted').map(({ json }) => [json.id, json.status])).toEqual([[501, 'posted'], [502, 'posted']]);
		expect(sandbox.agent.requests.filter(({ method }) => method === 'PUT').map(({ path }) => path).sort()).toEqual([
			'/v1/agent/ideas/501/status/posted',
			'/v1/agent/ideas/502/status/posted',
		]);
		// Posted, the ideas have left the watched status: the next poll emits nothing.
		expect(await pollTrigger(sandbox, trigger.parameters, { staticData })).toBeNull();
	}, 60_000);
});
