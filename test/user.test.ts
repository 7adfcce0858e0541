import { authHeaders, jsonOf, received, runGen, useSandbox } from './support/gen';

const gen = useSandbox();

const SANDBOX_USER = {
	id: 'user_abc123',
	email: 'you@example.com',
	name: 'Sandbox User',
	username: 'sandbox',
	created_at: '2026-01-05T10:00:00.000Z',
};

describe('User > Get Current', () => {
	it('sends GET /me with the API key and outputs the user as one item', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, { resource: 'user', operation: 'getCurrent' });

		expect(error).toBeUndefined();
		expect(received(sandbox)).toEqual([{ method: 'GET', path: '/v1/me', body: undefined }]);
		expect(sandbox.requests[0].query).toEqual({});
		expect(authHeaders(sandbox)).toEqual([{ apiKey: sandbox.apiKey, authorization: undefined }]);
		expect(sandbox.requests[0].headers.accept).toBe('application/json');
		expect(jsonOf(items)).toEqual([SANDBOX_USER]);
	});

	it('answers once per input item', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(
			sandbox,
			{ resource: 'user', operation: 'getCurrent' },
			{ items: [{ row: 1 }, { row: 2 }] },
		);

		expect(received(sandbox)).toEqual([
			{ method: 'GET', path: '/v1/me', body: undefined },
			{ method: 'GET', path: '/v1/me', body: undefined },
		]);
		expect(items.map(({ json, pairedItem }) => [json, pairedItem])).toEqual([
			[SANDBOX_USER, { item: 0 }],
			[SANDBOX_USER, { item: 1 }],
		]);
	});

	it('reaches the same endpoint when the base URL ends with a slash', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(
			sandbox,
			{ resource: 'user', operation: 'getCurrent' },
			{ credentials: { genApi: { apiKey: sandbox.apiKey, baseUrl: `${sandbox.baseUrl}/` } } },
		);

		expect(received(sandbox)).toEqual([{ method: 'GET', path: '/v1/me', body: undefined }]);
		expect(jsonOf(items)).toEqual([SANDBOX_USER]);
	});
});
