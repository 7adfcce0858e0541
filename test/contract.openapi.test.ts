/**
 * Every request the node sends, checked against GEN's published OpenAPI file
 * (../shared/gen-api/openapi.yaml) by Stoplight Prism's validator: path, method, required query
 * parameters and headers, authentication and the JSON body GEN publishes.
 */
import type { INodeProperties } from 'n8n-workflow';
import { loadListSearch, loadPackage } from './harness/n8n';
import { genCredentials, keyLocator, runGen, useSandbox, type GenParameters } from './support/gen';
import { EVERY_AGENT_HOST_OPERATION, EVERY_OPERATION } from './support/operations';
import { specViolations } from './support/openapi';

const gen = useSandbox();

const AGENT = keyLocator('agent_1');
const ENGINE = { agentId: AGENT, contentEngineId: keyLocator('101') };

/**
 * Requests today's node sends that GEN's file does not publish, with what the validator says.
 * Each is asserted exactly as listed: when the node is fixed its case validates cleanly and fails,
 * telling to delete the entry here.
 */
const KNOWN_GAPS: Record<string, string[]> = {
	// renderVideo's requestBody is `required: true` ({generation_type?, data?}), CONTRACT.md calls it
	// optional; n8n sends no body for an empty object, and the node invents no `data` to fill one.
	'cell.render': ['POST /v1/vidsheet/101/cells/4044/render?agent_id=agent_1: Body parameter is required'],
	'cell.render waiting': ['POST /v1/vidsheet/101/cells/4044/render?agent_id=agent_1: Body parameter is required'],
	// Upload's step 3: GEN's file publishes only the multipart form (the file itself); CONTRACT.md's
	// direct upload sends the signed ID as JSON ({content_resource: {file: signed_id}}).
	'contentResource.upload': ['POST /v1/content_resources?agent_id=agent_1: Supported content types: multipart/form-data'],
};

/** A run of the node (one operation with some of its options) and the name its gaps are listed under. */
type Case = [name: string, parameters: GenParameters, input?: { items?: object[] }];

const everyOperation: Case[] = EVERY_OPERATION.map(([resource, operation, parameters, , , input]) => [
	`${resource}.${operation}`,
	{ resource, operation, ...parameters },
	input,
]);

/** Options that change what is sent: positions, filters, pages, polls. */
const options: Case[] = [
	['apiKey.create expiring', { resource: 'apiKey', operation: 'create', name: 'ci', expiresInDays: 30 }],
	['apiKey.getAll filtered', { resource: 'apiKey', operation: 'getAll', filters: { status: ['active'], nameContains: 'ci' } }],
	['agent.getAll of a workspace', { resource: 'agent', operation: 'getAll', workspaceId: keyLocator('ws_1') }],
	['template.getAll every page', { resource: 'template', operation: 'getAll', returnAll: true }],
	['contentEngine.create default', { resource: 'contentEngine', operation: 'create', agentId: AGENT, title: 'x', isDefault: true }],
	[
		'contentEngine.get with costs',
		{ resource: 'contentEngine', operation: 'get', agentId: AGENT, engineId: keyLocator('101'), options: { withExecutionCost: true } },
	],
	[
		'contentEngine.clone to an agent',
		{ resource: 'contentEngine', operation: 'clone', agentId: AGENT, engineId: keyLocator('101'), targetAgentId: keyLocator('agent_2') },
	],
	['row.create at a position', { resource: 'row', operation: 'create', ...ENGINE, options: { position: 2 } }],
	[
		'column.create at a position',
		{ resource: 'column', operation: 'create', ...ENGINE, title: 'Clip', columnType: 'video', options: { position: 1 } },
	],
	['cell.getAll filtered', { resource: 'cell', operation: 'getAll', ...ENGINE, columnName: 'Script', onlyEmpty: true }],
	['cell.getAll by column ID', { resource: 'cell', operation: 'getAll', ...ENGINE, columnId: keyLocator('202') }],
	[
		'cell.generate waiting',
		{ resource: 'cell', operation: 'generate', ...ENGINE, cellId: keyLocator('4022'), generationType: 'text', prompt: 'x', waitForCompletion: true, options: { pollIntervalSeconds: 1 } },
	],
	['cell.render waiting', { resource: 'cell', operation: 'render', ...ENGINE, cellId: keyLocator('4044'), waitForCompletion: true, options: { pollIntervalSeconds: 1 } }],
];

/** Enough for every generation type's fields; each type reads only its own. */
const GENERATION_FIELDS = {
	prompt: 'A hook about cold brew',
	script: 'Cold brew, explained.',
	voiceId: 'voice_1',
	imageResourceId: '11',
	imageUrls: 'https://cdn.example.com/a.png, https://cdn.example.com/b.png',
	videoUrl: 'https://cdn.example.com/talking-head.mp4',
};

/** Fields a type needs besides the shared ones (lipsync takes both sources; captions one). */
const FIELDS_OF_TYPE: Record<string, GenParameters> = {
	lipsync: { audioUrl: 'https://cdn.example.com/voiceover.mp3' },
};

/** Every generation type the node offers today, read from its description so new ones are checked too. */
async function generationTypeCases(): Promise<Case[]> {
	const { nodeTypes } = await loadPackage();
	const { properties } = nodeTypes.getByNameAndVersion('n8n-nodes-gen.gen').description;
	const field = properties.find((property: INodeProperties) => property.name === 'generationType');
	const types = (field?.options ?? []).map((option) => String((option as { value: unknown }).value));
	return types.map((generationType) => [
		`cell.generate generationType=${generationType}`,
		{ resource: 'cell', operation: 'generate', ...ENGINE, cellId: keyLocator('4022'), ...GENERATION_FIELDS, ...FIELDS_OF_TYPE[generationType], generationType, waitForCompletion: false },
	]);
}

/** What the validator says about the requests of one run; [] when GEN publishes every one. */
async function violationsOf(parameters: GenParameters, input: { items?: object[] } = {}) {
	gen.sandbox.reset();
	const { error } = await runGen(gen.sandbox, parameters, input as never);
	if (gen.sandbox.requests.length === 0) {
		throw new Error(`The node sent nothing (${error?.message ?? 'no error'}): give this case the fields it needs`);
	}
	return await specViolations(gen.sandbox.requests);
}

/** Fails on a violation not in KNOWN_GAPS, and on a known gap that no longer happens. */
function expectAsKnown(name: string, violations: string[]) {
	const known = KNOWN_GAPS[name];
	if (known && violations.length === 0) {
		throw new Error(`"${name}" now sends only requests GEN publishes: remove it from KNOWN_GAPS`);
	}
	expect({ name, violations }).toEqual({ name, violations: known ?? [] });
}

describe("the node's requests are ones GEN's OpenAPI file publishes", () => {
	// Every row has three elements: jest would take a shorter row's missing last one for `done`.
	it.each([...everyOperation, ...options.map(([name, parameters]): Case => [name, parameters, {}])])('%s', async (name, parameters, input) => {
		expectAsKnown(name, await violationsOf(parameters, input));
	});

	it('every generation type', async () => {
		const cases = await generationTypeCases();
		expect(cases.length).toBeGreaterThan(5);
		for (const [name, parameters] of cases) expectAsKnown(name, await violationsOf(parameters));
	});

	it.each(EVERY_AGENT_HOST_OPERATION)('agent host: %s.%s', async (resource, operation, parameters, method, path) => {
		gen.sandbox.reset();
		await runGen(gen.sandbox, { resource, operation, ...parameters });
		const { requests } = gen.sandbox.agent;
		expect(requests[0]).toMatchObject({ method, path });
		expect(gen.sandbox.requests).toEqual([]);
		expect(await specViolations(requests, 'https://agent.gen.pro/v1')).toEqual([]);
	});

	it("the Idea picker's request", async () => {
		const { results } = await loadListSearch('getIdeas', {
			parameters: { resource: 'idea', operation: 'get', agentId: AGENT } as never,
			credentials: genCredentials(gen.sandbox),
		});
		expect(results.slice(0, 2)).toEqual([
			{ name: 'Before & After Glow Up (501, generated)', value: '501' },
			{ name: 'Three Mistakes Dermatologists See (502, generated)', value: '502' },
		]);
		expect(gen.sandbox.agent.requests.map(({ url }) => url)).toEqual(['/v1/agent/ideas?agent_id=agent_1']);
		expect(await specViolations(gen.sandbox.agent.requests, 'https://agent.gen.pro/v1')).toEqual([]);
	});

	it("the pickers' requests", async () => {
		const pickers: Array<[string, GenParameters]> = [
			['getAgents', { resource: 'row', operation: 'getAll' }],
			['getWorkspaces', { resource: 'agent', operation: 'getAll' }],
			['getApiKeys', { resource: 'apiKey', operation: 'rename' }],
			['getTemplates', { resource: 'template', operation: 'get' }],
			['getRows', { resource: 'row', operation: 'get', ...ENGINE }],
			['getColumns', { resource: 'cell', operation: 'getAll', ...ENGINE }],
			['getCells', { resource: 'cell', operation: 'update', ...ENGINE }],
		];
		for (const [method, parameters] of pickers) {
			await loadListSearch(method, { parameters: parameters as never, credentials: genCredentials(gen.sandbox) });
		}
		expect(gen.sandbox.requests.length).toBeGreaterThanOrEqual(pickers.length);
		expect(await specViolations(gen.sandbox.requests)).toEqual([]);
	});

	it('every entry of KNOWN_GAPS names a case that still exists', async () => {
		const names = new Set([...everyOperation, ...options, ...(await generationTypeCases())].map(([name]) => name));
		const stale = Object.keys(KNOWN_GAPS).filter((name) => !names.has(name));
		expect({ staleKnownGaps: stale }).toEqual({ staleKnownGaps: [] });
	});
});

describe('the validator fails requests GEN does not publish', () => {
	/** Sends a request straight to the sandbox and returns what the validator says about it. */
	async function violationsOfSent(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
		gen.sandbox.reset();
		const { status } = await fetch(`${gen.sandbox.url}${path}`, {
			method,
			headers: { 'X-API-Key': gen.sandbox.apiKey, ...(body !== undefined && { 'Content-Type': 'application/json' }), ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status, violations: await specViolations(gen.sandbox.requests) };
	}

	it('the old /v1/autocontentengine/… paths', async () => {
		expect((await violationsOfSent('GET', '/v1/autocontentengine/101?agent_id=agent_1')).violations).toEqual([
			"GET /v1/autocontentengine/101?agent_id=agent_1: Route not resolved, no path matched: The route /autocontentengine/101 hasn't been found in the specification file",
		]);
	});

	it('a vidsheet request without agent_id', async () => {
		expect((await violationsOfSent('GET', '/v1/vidsheet/101')).violations).toEqual([
			"GET /v1/vidsheet/101: Request query must have required property 'agent_id' (at query)",
		]);
	});

	it('a body without a required property, and a type GEN does not offer', async () => {
		const sent = await violationsOfSent('POST', '/v1/vidsheet/101/cells/4022/generate?agent_id=agent_1', { generation_type: 'media' });
		expect(sent.violations).toEqual([
			"POST /v1/vidsheet/101/cells/4022/generate?agent_id=agent_1: Request body must have required property 'data' (at body)",
			expect.stringContaining('Request body property generation_type must be equal to one of the allowed values'),
		]);
	});

	it('a method the path does not have', async () => {
		expect((await violationsOfSent('DELETE', '/v1/me')).violations).toEqual([
			'DELETE /v1/me: Route resolved, but no method matched: The route /me has been matched, but it does not have "delete" method defined',
		]);
	});

	it('a request without GEN credentials', async () => {
		expect((await violationsOfSent('GET', '/v1/me', undefined, { 'X-API-Key': '' })).violations).toEqual([
			'GET /v1/me: Invalid security scheme used',
		]);
	});

	it('a request GEN publishes passes', async () => {
		expect(await violationsOfSent('POST', '/v1/generations/9001/stop', { agent_id: 'agent_1' })).toEqual({ status: 404, violations: [] });
	});
});

describe('the sandbox serves only the new paths', () => {
	it.each([
		['GET', '/v1/autocontentengine/101?agent_id=agent_1'],
		['GET', '/v1/autocontentengine/101/rows?agent_id=agent_1'],
		['POST', '/v1/autocontentengine/101/rows?agent_id=agent_1'],
		['GET', '/v1/autocontentengine/101/columns?agent_id=agent_1'],
		['GET', '/v1/autocontentengine/101/cells/4022?agent_id=agent_1'],
		['POST', '/v1/autocontentengine/101/cells/4022/generate?agent_id=agent_1'],
	])('%s %s is 404', async (method, path) => {
		const answer = await fetch(`${gen.sandbox.url}${path}`, { method, headers: { 'X-API-Key': gen.sandbox.apiKey } });
		expect(answer.status).toBe(404);
		const vidsheet = await fetch(`${gen.sandbox.url}${path.replace('autocontentengine', 'vidsheet')}`, {
			method,
			headers: { 'X-API-Key': gen.sandbox.apiKey },
		});
		expect(vidsheet.status).not.toBe(404);
	});
});
