import { authHeaders, idsOf, jsonOf, requestLines, runGen, useSandbox } from './support/gen';

const gen = useSandbox();

const getAll = { resource: 'apiKey', operation: 'getAll' };

describe('API Key > Get Many', () => {
	it('sends a plain GET /persisted_tokens and outputs one item per key, revoked and expired included', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, getAll);

		expect(error).toBeUndefined();
		expect(requestLines(sandbox)).toEqual(['GET /v1/persisted_tokens']);
		expect(sandbox.requests[0].body).toBeUndefined();
		expect(authHeaders(sandbox)).toEqual([{ apiKey: sandbox.apiKey, authorization: undefined }]);
		expect(jsonOf(items).map(({ id, name, status }) => [id, name, status])).toEqual([
			[1, 'n8n-production', 'active'],
			[2, 'CI Pipeline', 'active'],
			[3, 'old-laptop', 'expired'],
			[4, 'claude-code', 'revoked'],
			[5, 'never-used', 'active'],
			[6, 'rotation-2026-01-01', 'active'],
		]);
	});

	it('outputs each key as GEN returns it', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, getAll);

		expect(items[1].json).toEqual({
			id: 2,
			name: 'CI Pipeline',
			token_type: 'personal_access_token',
			created_at: '2026-03-01T12:00:00.000Z',
			expires_at: '2099-01-01T00:00:00.000Z',
			last_used_at: '2026-03-09T08:15:00.000Z',
			revoked_at: null,
			status: 'active',
		});
	});

	it.each([
		[{ limit: 2 }, [1, 2]],
		[{ limit: 1 }, [1]],
		[{ limit: 6 }, [1, 2, 3, 4, 5, 6]],
		[{ limit: 100 }, [1, 2, 3, 4, 5, 6]],
		[{ returnAll: true }, [1, 2, 3, 4, 5, 6]],
		[{ returnAll: true, limit: 2 }, [1, 2, 3, 4, 5, 6]],
	])('%j trims the output, never the request', async (options, ids) => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, { ...getAll, ...options });

		expect(idsOf(items)).toEqual(ids);
		expect(requestLines(sandbox)).toEqual(['GET /v1/persisted_tokens']);
	});

	it('is the default operation of the default resource', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, {});

		expect(requestLines(sandbox)).toEqual(['GET /v1/persisted_tokens']);
		expect(idsOf(items)).toEqual([1, 2, 3, 4, 5, 6]);
	});
});

describe('API Key > Get Many > item linking', () => {
	it('links every key to the input item that listed it', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, { ...getAll, returnAll: true }, { items: [{ team: 'ops' }, { team: 'dev' }] });

		expect(items).toHaveLength(12);
		expect(items.map(({ json, pairedItem }) => [json.id, pairedItem])).toEqual([
			...[1, 2, 3, 4, 5, 6].map((id) => [id, { item: 0 }]),
			...[1, 2, 3, 4, 5, 6].map((id) => [id, { item: 1 }]),
		]);
	});
});
