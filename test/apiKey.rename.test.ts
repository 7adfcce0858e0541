import { jsonOf, keyLocator, received, runGen, useSandbox } from './support/gen';

const gen = useSandbox();

describe('API Key > Rename', () => {
	it('sends the nested Rails body to PATCH /persisted_tokens/{id} and outputs the updated key', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, {
			resource: 'apiKey',
			operation: 'rename',
			apiKeyId: keyLocator('2', 'list'),
			name: 'CI Pipeline (GitHub)',
		});

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
			expect.objectContaining({ id: 2, name: 'CI Pipeline (GitHub)', status: 'active' }),
		]);
	});

	it('renames one key per input item, taking ID and name from each item', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(
			sandbox,
			{
				resource: 'apiKey',
				operation: 'rename',
				apiKeyId: keyLocator('={{ $json.id }}'),
				name: '={{ $json.newName }}',
			},
			{
				items: [
					{ id: 2, newName: 'ci' },
					{ id: 5, newName: 'spare' },
					{ id: 6, newName: 'rotation-old' },
				],
			},
		);

		expect(received(sandbox).map(({ path, body }) => [path, body])).toEqual([
			['/v1/persisted_tokens/2', { persisted_token: { name: 'ci' } }],
			['/v1/persisted_tokens/5', { persisted_token: { name: 'spare' } }],
			['/v1/persisted_tokens/6', { persisted_token: { name: 'rotation-old' } }],
		]);
		expect(jsonOf(items).map(({ id, name }) => [id, name])).toEqual([
			[2, 'ci'],
			[5, 'spare'],
			[6, 'rotation-old'],
		]);
	});
});
