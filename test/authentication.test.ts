import { authHeaders, genCredentials, jsonOf, jwtCredentials, keyLocator, received, runGen, shown, useSandbox } from './support/gen';

const gen = useSandbox();

const OPERATIONS: Array<[string, string, Record<string, unknown>, string]> = [
	['user', 'getCurrent', {}, 'GET /v1/me'],
	['apiKey', 'getAll', {}, 'GET /v1/persisted_tokens'],
	['apiKey', 'create', { name: 'from-jwt' }, 'POST /v1/persisted_tokens'],
	['apiKey', 'rename', { apiKeyId: keyLocator('2'), name: 'ci' }, 'PATCH /v1/persisted_tokens/2'],
	['apiKey', 'revoke', { apiKeyId: keyLocator('5') }, 'DELETE /v1/persisted_tokens/5/revoke'],
	['apiKey', 'revokeAll', { confirm: true }, 'DELETE /v1/persisted_tokens/revoke_all'],
	['workspace', 'getAll', {}, 'GET /v1/workspaces'],
	['agent', 'getAll', {}, 'GET /v1/agents'],
];

describe('Authentication', () => {
	it.each(OPERATIONS)(
		'%s > %s with the default (API Key) sends X-API-Key and no Authorization',
		async (resource, operation, fields, line) => {
			const { sandbox } = gen;
			const { error } = await runGen(sandbox, { resource, operation, ...fields });

			expect(error).toBeUndefined();
			expect(received(sandbox).map(({ method, path }) => `${method} ${path}`)).toEqual([line]);
			expect(authHeaders(sandbox)).toEqual([{ apiKey: sandbox.apiKey, authorization: undefined }]);
		},
	);

	it.each(OPERATIONS)(
		'%s > %s with JWT sends Authorization: Bearer <jwt> and no X-API-Key',
		async (resource, operation, fields, line) => {
			const { sandbox } = gen;
			const { error } = await runGen(
				sandbox,
				{ authentication: 'jwt', resource, operation, ...fields },
				{ credentials: jwtCredentials(sandbox) },
			);

			expect(error).toBeUndefined();
			expect(received(sandbox).map(({ method, path }) => `${method} ${path}`)).toEqual([line]);
			expect(authHeaders(sandbox)).toEqual([{ apiKey: undefined, authorization: `Bearer ${sandbox.jwt}` }]);
		},
	);

	it('uses only the credential the Authentication parameter picks when both are attached', async () => {
		const { sandbox } = gen;
		const both = { ...genCredentials(sandbox), ...jwtCredentials(sandbox) };

		await runGen(sandbox, { authentication: 'jwt', resource: 'user', operation: 'getCurrent' }, { credentials: both });
		await runGen(sandbox, { authentication: 'apiKey', resource: 'user', operation: 'getCurrent' }, { credentials: both });

		expect(authHeaders(sandbox)).toEqual([
			{ apiKey: undefined, authorization: `Bearer ${sandbox.jwt}` },
			{ apiKey: sandbox.apiKey, authorization: undefined },
		]);
	});

	it('outputs the same user with either credential', async () => {
		const { sandbox } = gen;
		const withKey = await runGen(sandbox, { resource: 'user', operation: 'getCurrent' });
		const withJwt = await runGen(
			sandbox,
			{ authentication: 'jwt', resource: 'user', operation: 'getCurrent' },
			{ credentials: jwtCredentials(sandbox) },
		);

		expect(jsonOf(withJwt.items)).toEqual(jsonOf(withKey.items));
		expect(jsonOf(withJwt.items)).toEqual([expect.objectContaining({ id: 'user_abc123' })]);
	});

	it('reports a wrong JWT as a 401 from GEN, with advice about JWTs rather than API keys', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(
			sandbox,
			{ authentication: 'jwt', resource: 'user', operation: 'getCurrent' },
			{ credentials: jwtCredentials(sandbox, 'eyJhbGciOiJIUzI1NiJ9.e30.expired') },
		);

		expect(shown(error)).toEqual({
			message: 'GEN API error 401: Invalid or missing API key [unauthorized]',
			description:
				"GEN did not accept the JWT: it is wrong or expired (JWTs from GEN's web login are short-lived). Paste a fresh one into the GEN JWT API credential, or switch Authentication to API Key for automations.",
			httpCode: '401',
		});
		expect(authHeaders(sandbox)).toEqual([
			{ apiKey: undefined, authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.expired' },
		]);
	});
});
