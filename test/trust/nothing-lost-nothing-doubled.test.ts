import { jsonOf, keyLocator, keyStates, received, runGen, shown, useSandbox } from '../support/gen';

const gen = useSandbox();

const create = (name: string) => ({ resource: 'apiKey', operation: 'create', name });
const three = [{ app: 'make' }, { app: 'zapier' }, { app: 'pipedream' }];
const createdNames = () => gen.sandbox.state.keys.slice(6).map((key) => key.name);

describe('Create with several items', () => {
	it('without Continue On Fail, is refused before anything is created', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, create('={{ $json.app }}'), { items: three });

		expect(shown(error)).toEqual({
			message: 'Create with 3 items needs Continue On Fail',
			description:
				'GEN shows what it creates here only once, and if one item failed n8n would drop the output of all the others. Turn on Settings > On Error > Continue (the failed items then carry their error), or run one item at a time (Settings > Execute Once, or a Loop Over Items node). Nothing was sent.',
			httpCode: null,
		});
		expect(items).toEqual([]);
		expect(received(sandbox)).toEqual([]);
		expect(createdNames()).toEqual([]);
	});

	it('with Continue On Fail, a failing item keeps its error and every created key reaches the output with its token', async () => {
		const { sandbox } = gen;
		sandbox.fault({ status: 503, match: { method: 'POST', path: '/v1/persisted_tokens' } });
		const { items, error } = await runGen(sandbox, create('={{ $json.app }}'), { items: three, continueOnFail: true });

		expect(error).toBeUndefined();
		const tokens = new Map(sandbox.state.keys.slice(6).map((key) => [key.name, key.token]));
		expect(tokens.size).toBe(2);
		const created = items.filter((item) => !item.error);
		expect(created.map(({ json }) => [json.name, json.token])).toEqual([...tokens.entries()]);
		const failed = items.filter((item) => item.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].error?.message).toBe('GEN API error 503: 503 Service Unavailable');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('with Continue On Fail, an item refused before sending does not cost the others their tokens', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, create('={{ $json.app }}'), {
			items: [{ app: 'make' }, { app: '   ' }, { app: 'pipedream' }],
			continueOnFail: true,
		});

		expect(jsonOf(items).map(({ name, error }) => name ?? error)).toEqual(['make', 'Name is empty', 'pipedream']);
		expect(items.every((item) => item.error || typeof item.json.token === 'string')).toBe(true);
		expect(createdNames()).toEqual(['make', 'pipedream']);
	});

	it('one item still runs without Continue On Fail', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, create('solo'), { items: [{}] });

		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual([expect.objectContaining({ name: 'solo', token: expect.any(String) })]);
	});
});

describe('Error advice never suggests a retry that would create twice', () => {
	it.each([
		[503, /GEN may still have created it: look before you run this item again/],
		[429, /created nothing for this item/],
	])('Create answered %i: no Retry On Fail', async (status, advice) => {
		const { sandbox } = gen;
		sandbox.fault({ status });
		const { error } = await runGen(sandbox, create('make'));

		expect(error?.description).toMatch(advice);
		expect(error?.description).toMatch(/Do not turn on Retry On Fail here: a retried create can create twice\./);
		expect(error?.description).not.toMatch(/or turn on Retry On Fail/);
	});

	it.each([
		['rename', { apiKeyId: keyLocator('2'), name: 'x' }],
		['revoke', { apiKeyId: keyLocator('2') }],
		['getAll', {}],
	])('%s answered 503: retrying is safe, so it is suggested', async (operation, fields) => {
		const { sandbox } = gen;
		sandbox.fault({ status: 503 });
		const { error } = await runGen(sandbox, { resource: 'apiKey', operation, ...fields });

		expect(error?.description).toBe(
			'GEN is failing right now; this is not a problem with your workflow. Retry later, or turn on Retry On Fail in the node settings.',
		);
	});
});

describe('Revoke All with several items', () => {
	it('sends exactly one request and outputs one item', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, { resource: 'apiKey', operation: 'revokeAll', confirm: true }, {
			items: [{ a: 1 }, { a: 2 }, { a: 3 }],
		});

		expect(error).toBeUndefined();
		expect(received(sandbox)).toEqual([{ method: 'DELETE', path: '/v1/persisted_tokens/revoke_all', body: undefined }]);
		expect(items).toEqual([
			{ json: { message: 'Successfully revoked 5 tokens', revoked: true }, pairedItem: { item: 0 } },
		]);
		expect(keyStates(sandbox).every(({ revoked }) => revoked)).toBe(true);
	});
});
