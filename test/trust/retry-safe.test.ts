/**
 * Retry-safe creates: Row > Create, Row > Duplicate, Column > Create and Generation > Continue
 * carry an idempotency key that n8n's Retry On Fail repeats, so a retried item is done once.
 */
import type { Sandbox } from '../sandbox/server';
import { jsonOf, keyLocator, runGen, startRunningGeneration, useSandbox, type GenParameters } from '../support/gen';

const gen = useSandbox();

const AGENT = keyLocator('agent_1');
const ENGINE = { agentId: AGENT, contentEngineId: keyLocator('101') };

const rowsOf101 = (sandbox: Sandbox) => sandbox.state.content.engines.find((engine) => engine.id === 101)?.rows.length;
const columnsOf101 = (sandbox: Sandbox) => sandbox.state.content.engines.find((engine) => engine.id === 101)?.columns.length;

/** Each operation, where its key goes, and what to count in GEN to see it happened once. */
const RETRY_SAFE: Array<[string, GenParameters, string, (sandbox: Sandbox) => unknown]> = [
	['Row > Create', { resource: 'row', operation: 'create', ...ENGINE }, '/v1/vidsheet/101/rows', rowsOf101],
	['Row > Duplicate', { resource: 'row', operation: 'duplicate', ...ENGINE, rowId: keyLocator('301') }, '/v1/vidsheet/101/rows/301/duplicate', rowsOf101],
	['Column > Create', { resource: 'column', operation: 'create', ...ENGINE, title: 'Caption' }, '/v1/vidsheet/101/columns', columnsOf101],
];

const keyOf = (sandbox: Sandbox, index = 0) => sandbox.requests[index].headers['idempotency-key'];

describe.each(RETRY_SAFE)('%s', (_name, parameters, path, count) => {
	it('sends an Idempotency-Key header', async () => {
		const { error } = await runGen(gen.sandbox, parameters);

		expect(error).toBeUndefined();
		expect(gen.sandbox.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([`POST ${path}`]);
		expect(keyOf(gen.sandbox)).toMatch(/^n8n-1-0-0-[0-9a-f]{8}$/);
	});

	it('with Retry On Fail after an answer lost to a 503: the retry sends the same key, GEN does it once, the output has it', async () => {
		const { sandbox } = gen;
		const before = count(sandbox);
		sandbox.fault({ status: 503, serve: true });
		const { items, error } = await runGen(sandbox, parameters, { retryOnFail: { maxTries: 2 } });

		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(2);
		expect(keyOf(sandbox, 1)).toBe(keyOf(sandbox, 0));
		expect(count(sandbox)).toBe(Number(before) + 1);
		expect(items).toHaveLength(1);
		expect(items[0].json.id).toEqual(expect.any(Number));
	});

	it('differs between items, and between executions of the same workflow', async () => {
		const { sandbox } = gen;
		await runGen(sandbox, parameters, { items: [{}, {}] });
		await runGen(sandbox, parameters, { executionId: '2' });

		const keys = sandbox.requests.map(({ headers }) => headers['idempotency-key']);
		expect(new Set(keys).size).toBe(3);
	});
});

describe('Generation > Continue', () => {
	const stoppedGeneration = async () => {
		const id = await startRunningGeneration(gen.sandbox);
		await runGen(gen.sandbox, { resource: 'generation', operation: 'stop', agentId: AGENT, generationId: id });
		gen.sandbox.clearRequests();
		return id;
	};

	it('with Retry On Fail after a lost answer: the same idempotency_key in the body, continued (and charged) once', async () => {
		const { sandbox } = gen;
		const id = await stoppedGeneration();
		sandbox.fault({ status: 502, serve: true });
		const { items, error } = await runGen(sandbox, { resource: 'generation', operation: 'continue', agentId: AGENT, generationId: id }, { retryOnFail: { maxTries: 2 } });

		expect(error).toBeUndefined();
		const bodies = sandbox.requests.map(({ body }) => body as { idempotency_key: string });
		expect(bodies).toHaveLength(2);
		expect(bodies[1].idempotency_key).toBe(bodies[0].idempotency_key);
		expect(sandbox.idempotencyKeys()).toEqual([bodies[0].idempotency_key]);
		expect(jsonOf(items)).toEqual([{ generation_id: Number(id), status: 'pending' }]);
	});
});

describe('Without an idempotency key', () => {
	it('reads and other writes send none (Row > Get Many, Row > Get)', async () => {
		const { sandbox } = gen;
		await runGen(sandbox, { resource: 'row', operation: 'getAll', ...ENGINE, returnAll: true });
		await runGen(sandbox, { resource: 'row', operation: 'get', ...ENGINE, rowId: keyLocator('301') });

		expect(sandbox.requests.map(({ headers }) => headers['idempotency-key'])).toEqual([undefined, undefined]);
	});
});
