import { jsonOf, keyLocator, keyStates, received, receivedSorted, runGen, shown, useSandbox } from './support/gen';

const gen = useSandbox();

const rename = (apiKeyId: ReturnType<typeof keyLocator>, name: string) => ({
	resource: 'apiKey',
	operation: 'rename',
	apiKeyId,
	name,
});

describe('API Key > Rename', () => {
	it.each(['list', 'id'] as const)(
		'sends the nested Rails body to PATCH /persisted_tokens/{id} and outputs the updated key (%s mode)',
		async (mode) => {
			const { sandbox } = gen;
			const { items, error } = await runGen(sandbox, rename(keyLocator('2', mode), 'CI Pipeline (GitHub)'));

			expect(error).toBeUndefined();
			expect(received(sandbox)).toEqual([
				{
					method: 'PATCH',
					path: '/v1/persisted_tokens/2',
					body: { persisted_token: { name: 'CI Pipeline (GitHub)' } },
				},
			]);
			expect(sandbox.requests[0].headers['x-api-key']).toBe(sandbox.apiKey);
			expect(sandbox.requests[0].headers['content-type']).toMatch(/^application\/json/);
			expect(jsonOf(items)).toEqual([
				{
					id: 2,
					name: 'CI Pipeline (GitHub)',
					token_type: 'personal_access_token',
					created_at: '2026-03-01T12:00:00.000Z',
					expires_at: '2099-01-01T00:00:00.000Z',
					last_used_at: '2026-03-09T08:15:00.000Z',
					revoked_at: null,
					status: 'active',
				},
			]);
		},
	);

	it('renames one key per input item, taking ID and name from each item', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, rename(keyLocator('={{ $json.id }}'), '={{ $json.newName }}'), {
			items: [
				{ id: 2, newName: 'ci' },
				{ id: 5, newName: 'spare' },
				{ id: 6, newName: 'rotation-old' },
			],
		});

		expect(receivedSorted(sandbox).map(({ method, path, body }) => [method, path, body])).toEqual([
			['PATCH', '/v1/persisted_tokens/2', { persisted_token: { name: 'ci' } }],
			['PATCH', '/v1/persisted_tokens/5', { persisted_token: { name: 'spare' } }],
			['PATCH', '/v1/persisted_tokens/6', { persisted_token: { name: 'rotation-old' } }],
		]);
		expect(jsonOf(items).map(({ id, name }) => [id, name])).toEqual([
			[2, 'ci'],
			[5, 'spare'],
			[6, 'rotation-old'],
		]);
	});

	it('trims spaces around a typed ID and sends the name exactly as given', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, rename(keyLocator(' 5 '), 'Zürich – Büro 🚀'));

		expect(received(sandbox)).toEqual([
			{ method: 'PATCH', path: '/v1/persisted_tokens/5', body: { persisted_token: { name: 'Zürich – Büro 🚀' } } },
		]);
		expect(jsonOf(items)).toEqual([expect.objectContaining({ id: 5, name: 'Zürich – Büro 🚀' })]);
	});

	it.each([
		['only spaces', '   '],
		['an expression giving nothing', '={{ $json.missing }}'],
		['an expression giving spaces', '={{ "  " }}'],
	])('refuses a blank new name (%s) before sending anything', async (_case, name) => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, rename(keyLocator('2'), name));

		expect(shown(error)).toEqual({
			message: 'Name is empty',
			description: 'Set "Name" (directly or with an expression that gives a value for every item).',
			httpCode: null,
		});
		expect(items).toEqual([]);
		expect(received(sandbox)).toEqual([]);
		expect(keyStates(sandbox)[1]).toEqual({ id: 2, name: 'CI Pipeline', revoked: false });
	});

	it.each([
		['an expression giving nothing', '={{ $json.missing }}'],
		['an expression giving spaces', '={{ "   " }}'],
	])('refuses an empty API key ID (%s) before sending anything', async (_case, id) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, rename(keyLocator(id), 'new name'));

		expect(error?.message).toBe('API Key ID is empty');
		expect(error?.description).toBe(
			'Set "API Key ID" (directly or with an expression that gives a value for every item).',
		);
		expect(received(sandbox)).toEqual([]);
	});

	it('does not run at all when API Key or Name is left empty in the editor', async () => {
		const { sandbox } = gen;

		await expect(runGen(sandbox, rename(keyLocator(''), 'new name'))).rejects.toThrow(
			'Parameter "API Key" is required',
		);
		await expect(runGen(sandbox, rename(keyLocator('2'), ''))).rejects.toThrow(
			'Parameter "Name" is required',
		);
		expect(received(sandbox)).toEqual([]);
	});
});
