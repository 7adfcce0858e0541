import { jsonOf, keyLocator, keyStates, received, receivedSorted, runGen, useSandbox } from './support/gen';

const gen = useSandbox();

const revoke = (apiKeyId: ReturnType<typeof keyLocator>) => ({ resource: 'apiKey', operation: 'revoke', apiKeyId });

describe('API Key > Revoke', () => {
	it.each(['list', 'id'] as const)(
		'sends DELETE /persisted_tokens/{id}/revoke and, as GEN answers 204, outputs the ID and revoked: true (%s mode)',
		async (mode) => {
			const { sandbox } = gen;
			const { items, error } = await runGen(sandbox, revoke(keyLocator('5', mode)));

			expect(error).toBeUndefined();
			expect(received(sandbox)).toEqual([
				{ method: 'DELETE', path: '/v1/persisted_tokens/5/revoke', body: undefined },
			]);
			expect(sandbox.requests[0].headers['x-api-key']).toBe(sandbox.apiKey);
			expect(jsonOf(items)).toEqual([{ id: '5', revoked: true }]);
			expect(keyStates(sandbox).find(({ id }) => id === 5)).toEqual({ id: 5, name: 'never-used', revoked: true });
		},
	);

	it('keeps the fields GEN returns when it answers 200 with the key', async () => {
		const { sandbox } = gen;
		sandbox.setRevokeStyle('200');
		const { items } = await runGen(sandbox, revoke(keyLocator('5')));

		const revokedAt = sandbox.state.keys[4].revoked_at;
		expect(revokedAt).toEqual(expect.any(String));
		expect(jsonOf(items)).toEqual([
			{
				id: '5',
				revoked: true,
				name: 'never-used',
				token_type: 'personal_access_token',
				created_at: '2026-02-01T08:00:00.000Z',
				expires_at: null,
				last_used_at: null,
				revoked_at: revokedAt,
				status: 'revoked',
			},
		]);
	});

	it('revokes one key per input item and leaves the others alone', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, revoke(keyLocator('={{ $json.keyId }}')), {
			items: [{ keyId: 3 }, { keyId: 6 }],
		});

		expect(receivedSorted(sandbox)).toEqual([
			{ method: 'DELETE', path: '/v1/persisted_tokens/3/revoke', body: undefined },
			{ method: 'DELETE', path: '/v1/persisted_tokens/6/revoke', body: undefined },
		]);
		// IDs from an expression keep their type: GEN's list gives numbers.
		expect(jsonOf(items)).toEqual([
			{ id: 3, revoked: true },
			{ id: 6, revoked: true },
		]);
		expect(keyStates(sandbox).map(({ id, revoked }) => [id, revoked])).toEqual([
			[1, false],
			[2, false],
			[3, true],
			[4, true],
			[5, false],
			[6, true],
		]);
	});

	it('succeeds again for a key that is already revoked (GEN revokes idempotently)', async () => {
		const { sandbox } = gen;
		const before = sandbox.state.keys[3].revoked_at;
		const { items, error } = await runGen(sandbox, revoke(keyLocator('4')));

		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual([{ id: '4', revoked: true }]);
		expect(sandbox.state.keys[3].revoked_at).toBe(before);
	});

	it('refuses an empty ID before sending anything', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, revoke(keyLocator('={{ $json.keyId }}')));

		expect(error?.message).toBe('API Key ID is empty');
		expect(items).toEqual([]);
		expect(received(sandbox)).toEqual([]);
		await expect(runGen(sandbox, revoke(keyLocator('')))).rejects.toThrow('Parameter "API Key" is required');
		expect(received(sandbox)).toEqual([]);
	});
});
