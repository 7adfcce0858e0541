import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runNode, type RunNodeOptions } from '../harness/n8n';
import { startSandbox, type Sandbox } from '../sandbox/server';

/**
 * One sandbox per test file, reset before each test: every test starts from GEN's seed state
 * with an empty request log.
 */
export function useSandbox(options: Parameters<typeof startSandbox>[0] = {}) {
	const handle = {} as { sandbox: Sandbox };
	beforeAll(async () => {
		handle.sandbox = await startSandbox(options);
	});
	beforeEach(() => handle.sandbox.reset());
	afterAll(async () => handle.sandbox?.close());
	return handle;
}

export function genCredentials(sandbox: Sandbox, apiKey = sandbox.apiKey) {
	return { genApi: { apiKey, baseUrl: sandbox.baseUrl } };
}

/** Runs the GEN node once (manual trigger, or the given input items) against the sandbox. */
export async function runGen(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: Omit<RunNodeOptions, 'parameters'> = {},
) {
	return await runNode({ credentials: genCredentials(sandbox), ...options, parameters });
}

/** What the sandbox received, in the shape tests compare against. */
export function received(sandbox: Sandbox) {
	return sandbox.requests.map(({ method, path, body }) => ({ method, path, body }));
}

export function jsonOf(items: Array<{ json: IDataObject }>) {
	return items.map((item) => item.json);
}

export function keyLocator(value: string, mode: 'list' | 'id' = 'id') {
	return { __rl: true, mode, value };
}
