/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code: made-up secrets the tests check never leak */
import { testCredential } from './harness/n8n';
import { authHeaders, distinctRequests, requestLines, tokenOf, useSandbox } from './support/gen';

const gen = useSandbox();

describe('Credential test (the editor\'s "Test" button)', () => {
	describe('GEN API (genApi)', () => {
		it.each([
			['the base URL as is', ''],
			['a trailing slash on the base URL', '/'],
			['trailing slashes and spaces on the base URL', '// '],
		])('is OK for a valid key, with %s: GET /v1/me with X-API-Key', async (_case, tail) => {
			const { sandbox } = gen;
			const result = await testCredential('genApi', { apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl + tail });

			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(requestLines(sandbox)).toEqual(['GET /v1/me']);
			expect(authHeaders(sandbox)).toEqual([{ apiKey: sandbox.apiKey, authorization: undefined }]);
		});

		it.each([
			['a wrong key', () => 'gen_pat_wrong_key_000'],
			['an expired key', () => tokenOf(gen.sandbox, 3)],
			['a revoked key', () => tokenOf(gen.sandbox, 4)],
		])('is an Error for %s', async (_case, key) => {
			const { sandbox } = gen;
			const apiKey = key();
			const result = await testCredential('genApi', { apiKey, baseUrl: sandbox.baseUrl });

			expect(result).toEqual({
				status: 'Error',
				message: 'GEN did not accept this API key: it is wrong, revoked or expired',
				statusCode: 401,
			});
			// n8n-core sends a request that got 401 once more before giving up.
			expect(distinctRequests(sandbox)).toEqual([{ line: 'GET /v1/me', apiKey, authorization: undefined }]);
		});

		it('is OK for another active key of the same user', async () => {
			const { sandbox } = gen;
			const result = await testCredential('genApi', { apiKey: tokenOf(sandbox, 2), baseUrl: sandbox.baseUrl });

			expect(result.status).toBe('OK');
			expect(authHeaders(sandbox)).toEqual([{ apiKey: tokenOf(sandbox, 2), authorization: undefined }]);
		});
	});

	describe('GEN JWT API (genJwtApi)', () => {
		it.each([
			['the base URL as is', ''],
			['a trailing slash on the base URL', '/'],
		])('is OK for a valid JWT, with %s: GET /v1/me with Authorization: Bearer', async (_case, tail) => {
			const { sandbox } = gen;
			const result = await testCredential('genJwtApi', { token: sandbox.jwt, baseUrl: sandbox.baseUrl + tail });

			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(requestLines(sandbox)).toEqual(['GET /v1/me']);
			expect(authHeaders(sandbox)).toEqual([{ apiKey: undefined, authorization: `Bearer ${sandbox.jwt}` }]);
		});

		it('is an Error for a wrong JWT', async () => {
			const { sandbox } = gen;
			const result = await testCredential('genJwtApi', { token: 'eyJhbGciOiJub25lIn0.e30.wrong', baseUrl: sandbox.baseUrl });

			expect(result).toEqual({
				status: 'Error',
				message: 'GEN did not accept this JWT: it is wrong, revoked or expired',
				statusCode: 401,
			});
			expect(distinctRequests(sandbox)).toEqual([
				{ line: 'GET /v1/me', apiKey: undefined, authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.wrong' },
			]);
		});
	});
});
