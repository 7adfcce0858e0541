import { genCredentials, jsonOf, keyStates, received, runGen, shown, useSandbox } from './support/gen';

const gen = useSandbox();

const revokeAll = { resource: 'apiKey', operation: 'revokeAll' };

describe('API Key > Revoke All', () => {
	it('with Confirm on, sends DELETE /persisted_tokens/revoke_all and outputs GEN\'s message with revoked: true', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, { ...revokeAll, confirm: true });

		expect(error).toBeUndefined();
		expect(received(sandbox)).toEqual([{ method: 'DELETE', path: '/v1/persisted_tokens/revoke_all', body: undefined }]);
		expect(sandbox.requests[0].headers['x-api-key']).toBe(sandbox.apiKey);
		expect(jsonOf(items)).toEqual([{ message: 'Successfully revoked 5 tokens', revoked: true }]);
		expect(keyStates(sandbox).every(({ revoked }) => revoked)).toBe(true);
	});

	it('also revokes the key the credential uses: the next run fails with 401', async () => {
		const { sandbox } = gen;
		await runGen(sandbox, { ...revokeAll, confirm: true });
		const { error } = await runGen(sandbox, { resource: 'user', operation: 'getCurrent' }, {
			credentials: genCredentials(sandbox),
		});

		expect(error?.message).toBe('GEN API error 401: Invalid or missing API key [unauthorized]');
	});

	it('outputs revoked: true when GEN answers 204 without a body', async () => {
		const { sandbox } = gen;
		sandbox.fault({ status: 204, body: '', match: { path: '/v1/persisted_tokens/revoke_all' } });
		const { items, error } = await runGen(sandbox, { ...revokeAll, confirm: true });

		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual([{ revoked: true }]);
	});

	it('with Retry On Fail after a 503, the retry sends the request again (once per attempt, not once per run)', async () => {
		const { sandbox } = gen;
		sandbox.fault({ status: 503, match: { path: '/v1/persisted_tokens/revoke_all' } });
		const { items, error } = await runGen(sandbox, { ...revokeAll, confirm: true }, { items: [{}, {}], retryOnFail: { maxTries: 2 } });

		expect(error).toBeUndefined();
		expect(received(sandbox).map(({ method, path }) => `${method} ${path}`)).toEqual([
			'DELETE /v1/persisted_tokens/revoke_all',
			'DELETE /v1/persisted_tokens/revoke_all',
		]);
		expect(jsonOf(items)).toEqual([{ message: 'Successfully revoked 5 tokens', revoked: true }]);
	});

	it.each([
		['left at its default', {}],
		['off', { confirm: false }],
		['an expression giving "true" as text', { confirm: '={{ "true" }}' }],
	])('with Confirm %s, stops with a clear error and sends nothing', async (_case, confirm) => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, { ...revokeAll, ...confirm });

		expect(shown(error)).toEqual({
			message: 'Revoke All was not confirmed',
			description:
				'Turn on "Confirm" (the boolean true) to revoke every API key of this GEN user, including the one this credential uses. Nothing was revoked.',
			httpCode: null,
		});
		expect(items).toEqual([]);
		expect(received(sandbox)).toEqual([]);
		expect(keyStates(sandbox).filter(({ revoked }) => revoked).map(({ id }) => id)).toEqual([4]);
	});
});
