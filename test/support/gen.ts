import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode, type RunNodeOptions } from '../harness/n8n';
import { startSandbox, type Sandbox } from '../sandbox/server';

/**
 * One sandbox per test file, reset before each test: every test starts from GEN's seed state
 * with an empty request log. `validate: true` also fails each test that sent a request GEN's
 * published OpenAPI file does not describe (test/support/openapi.ts; ~0.5 s once per file).
 * `GEN_VALIDATE_REQUESTS=1 npx jest` turns it on for every file, to see what turning it on would find.
 */
// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- test code, run by jest in Node
export function useSandbox({ validate = process.env.GEN_VALIDATE_REQUESTS === '1', ...options }: Parameters<typeof startSandbox>[0] & { validate?: boolean } = {}) {
	const handle = {} as { sandbox: Sandbox };
	beforeAll(async () => {
		handle.sandbox = await startSandbox(options);
	});
	beforeEach(() => handle.sandbox.reset());
	if (validate) {
		// Loaded only here, so files that do not validate never load the validator.
		afterEach(async () => (await import('./openapi')).expectPublishedRequests(handle.sandbox.requests));
	}
	afterAll(async () => handle.sandbox?.close());
	return handle;
}

export function genCredentials(sandbox: Sandbox, apiKey = sandbox.apiKey) {
	return { genApi: { apiKey, baseUrl: sandbox.baseUrl, agentBaseUrl: sandbox.agent.baseUrl } };
}

/** The second credential type: a JWT from GEN's web login, sent as `Authorization: Bearer`. */
export function jwtCredentials(sandbox: Sandbox, token = sandbox.jwt) {
	return { genJwtApi: { token, baseUrl: sandbox.baseUrl, agentBaseUrl: sandbox.agent.baseUrl } };
}

/** Node parameters as a workflow saves them (loosely typed so tables of cases stay plain objects). */
export type GenParameters = Record<string, unknown>;

/** Runs the GEN node once (manual trigger, or the given input items) against the sandbox. */
export async function runGen(
	sandbox: Sandbox,
	parameters: GenParameters,
	options: Omit<RunNodeOptions, 'parameters'> = {},
) {
	return await runNode({
		credentials: genCredentials(sandbox),
		...options,
		parameters: parameters as INodeParameters,
	});
}

/** What the sandbox received, in the shape tests compare against. */
export function received(sandbox: Sandbox) {
	return sandbox.requests.map(({ method, path, body }) => ({ method, path, body }));
}

/**
 * Same as `received`, sorted by path: n8n sends the requests of several input items at once,
 * so their arrival order is not part of the node's behaviour.
 */
export function receivedSorted(sandbox: Sandbox) {
	return received(sandbox).sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
}

/** `METHOD /path?query` of every request, exactly as the sandbox received it. */
export function requestLines(sandbox: Sandbox) {
	return sandbox.requests.map(({ method, url }) => `${method} ${url}`);
}

/** Which secret each request carried, and in which header. */
export function authHeaders(sandbox: Sandbox) {
	return sandbox.requests.map(({ headers }) => ({
		apiKey: headers['x-api-key'],
		authorization: headers.authorization,
	}));
}

/** Each different request (line and auth headers) once: for when n8n may send the same one twice. */
export function distinctRequests(sandbox: Sandbox) {
	const auth = authHeaders(sandbox);
	const distinct = new Set(requestLines(sandbox).map((line, i) => JSON.stringify({ line, ...auth[i] })));
	return [...distinct].map((request) => JSON.parse(request) as { line: string } & (typeof auth)[number]);
}

export function jsonOf(items: Array<{ json: IDataObject }>) {
	return items.map((item) => item.json);
}

export function idsOf(items: Array<{ json: IDataObject }>) {
	return items.map((item) => item.json.id);
}

export function keyLocator(value: string, mode: 'list' | 'id' = 'id') {
	return { __rl: true, mode, value };
}

/** The secret `gen_pat_…` token of a seeded key (key 1's is `sandbox.apiKey`). */
export function tokenOf(sandbox: Sandbox, id: number) {
	const key = sandbox.state.keys.find((k) => k.id === id);
	if (!key) throw new Error(`no key ${id} in the sandbox`);
	return key.token;
}

/** Name and revocation of every key GEN holds, to show a run changed nothing (or what it changed). */
export function keyStates(sandbox: Sandbox) {
	return sandbox.state.keys.map(({ id, name, revoked_at }) => ({ id, name, revoked: revoked_at !== null }));
}

/** The parts of an n8n error a user sees. */
export function shown(error: { message?: string; description?: string | null; httpCode?: string | null } | undefined) {
	return error && { message: error.message, description: error.description, httpCode: error.httpCode };
}

/**
 * Everything a run or an error exposes once serialized (as n8n stores executions and sends
 * errors to the editor), plus an Error's non-enumerable message and stack.
 */
export function serialized(value: unknown): string {
	const parts = [JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v))];
	if (value instanceof Error) {
		const { description } = value as Error & { description?: unknown };
		parts.push(value.message, String(value.stack), String(description));
	}
	return parts.join('\n');
}

/**
 * Starts a text generation into a cell of the seeded vidsheet 101 (agent_1) that GEN never
 * finishes, for tests of running generations; the request log is cleared afterwards.
 */
export async function startRunningGeneration(sandbox: Sandbox, cellId = '4022') {
	sandbox.generationOutcome({ outcome: 'never' });
	const { items } = await runGen(sandbox, {
		resource: 'cell',
		operation: 'generate',
		agentId: keyLocator('agent_1'),
		contentEngineId: keyLocator('101'),
		cellId: keyLocator(cellId),
		generationType: 'text',
		prompt: 'x',
		waitForCompletion: false,
	});
	sandbox.clearRequests();
	return String(items[0].json.generation_id);
}
