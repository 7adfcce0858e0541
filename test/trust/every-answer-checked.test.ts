import { loadListSearch } from '../harness/n8n';
import { genCredentials, jsonOf, keyLocator, runGen, serialized, shown, useSandbox } from '../support/gen';

const gen = useSandbox();

const NOT_GEN =
	'The Base URL may point at something other than GEN (a proxy, a login page), or GEN changed its answer. Check the Base URL in the GEN credential; nothing was read from this answer.';

const answers = [
	['HTML with status 200', '<html><body>Please log in</body></html>', 'text'],
	['plain text', 'OK', 'text'],
	['an empty body', '', 'an empty body'],
	['JSON null', 'null', 'JSON null'],
] as const;

describe('An answer that is not what GEN sends is an error, never an item', () => {
	it.each(answers)('a list expected (API Key > Get Many), got %s', async (_case, body, got) => {
		const { sandbox } = gen;
		sandbox.fault({ status: 200, body });
		const { items, error } = await runGen(sandbox, { resource: 'apiKey', operation: 'getAll', returnAll: true });

		expect(shown(error)).toEqual({
			message: `GEN answered with something that is not a list of API keys (got ${got}, HTTP 200)`,
			description: NOT_GEN,
			httpCode: '200',
		});
		expect(items).toEqual([]);
	});

	it.each([
		['a wrapped list', { data: [{ id: 1 }] }, 'an object'],
		['a list with null in it', [{ id: 1, name: 'a' }, null], 'a list'],
		['a list of strings', ['a', 'b'], 'a list'],
	])('a list expected, got %s: no empty result a key audit would read as "no keys"', async (_case, body, got) => {
		const { sandbox } = gen;
		sandbox.fault({ status: 200, body: JSON.stringify(body) });
		const { items, error } = await runGen(sandbox, { resource: 'apiKey', operation: 'getAll', returnAll: true });

		expect(error?.message).toBe(`GEN answered with something that is not a list of API keys (got ${got}, HTTP 200)`);
		expect(items).toEqual([]);
	});

	it.each<readonly [string, string, string]>([
		...answers,
		['a list', '[{"id":"user_abc123"}]', 'a list'],
	])('an object expected (User > Get Current), got %s', async (_case, body, got) => {
		const { sandbox } = gen;
		sandbox.fault({ status: 200, body });
		const { items, error } = await runGen(sandbox, { resource: 'user', operation: 'getCurrent' });

		expect(error?.message).toBe(`GEN answered with something that is not a user (got ${got}, HTTP 200)`);
		expect(items).toEqual([]);
	});

	it('with Continue On Fail, the item carries the error (and its pairedItem), never a string json', async () => {
		const { sandbox } = gen;
		sandbox.fault({ status: 200, body: '<html>proxy</html>', match: { path: '/v1/persisted_tokens/2' } });
		const { items } = await runGen(
			sandbox,
			{ resource: 'apiKey', operation: 'rename', apiKeyId: keyLocator('={{ $json.id }}'), name: 'x' },
			{ items: [{ id: 2 }, { id: 5 }], continueOnFail: true },
		);

		expect(jsonOf(items).map((json) => json.error ?? json.name)).toEqual([
			'GEN answered with something that is not the renamed API key (got text, HTTP 200)',
			'x',
		]);
		expect(items.every((item) => typeof item.json === 'object')).toBe(true);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it.each([
		['204 without a body', { status: 204 }],
		['200 with the key', { status: 200, body: { id: 2, status: 'revoked' } }],
	])('Revoke accepts %s, as GEN answers', async (_case, fault) => {
		const { sandbox } = gen;
		sandbox.fault(fault);
		const { items, error } = await runGen(sandbox, { resource: 'apiKey', operation: 'revoke', apiKeyId: keyLocator('2') });

		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual([expect.objectContaining({ id: '2', revoked: true })]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it.each(answers)('the API Key picker (list search), got %s', async (_case, body, got) => {
		const { sandbox } = gen;
		sandbox.fault({ status: 200, body });
		const search = loadListSearch('getApiKeys', {
			parameters: { resource: 'apiKey', operation: 'rename' },
			credentials: genCredentials(sandbox),
		});

		await expect(search).rejects.toThrow(`GEN answered with something that is not a list of API keys (got ${got}, HTTP 200)`);
	});
});

describe('Errors never echo the secret', () => {
	it.each([
		['JSON', (key: string) => ({ error: `Key ${key} is not valid`, error_code: 'unauthorized' })],
		['HTML from a proxy', (key: string) => `<html><body>Blocked request with X-API-Key: ${key}</body></html>`],
	])('an error body (%s) that echoes the API key has it replaced by ***', async (_case, body) => {
		const { sandbox } = gen;
		sandbox.fault({ status: 401, body: body(sandbox.apiKey) });
		const { error } = await runGen(sandbox, { resource: 'user', operation: 'getCurrent' });

		expect(error?.message).toMatch(/\*\*\*/);
		expect(serialized(error)).not.toContain(sandbox.apiKey);
	});

	it('the JWT too', async () => {
		const { sandbox } = gen;
		sandbox.fault({ status: 403, body: { error: `token ${sandbox.jwt} lacks a role`, error_code: 'forbidden' } });
		const { error } = await runGen(
			sandbox,
			{ authentication: 'jwt', resource: 'user', operation: 'getCurrent' },
			{ credentials: { genJwtApi: { token: sandbox.jwt, baseUrl: sandbox.baseUrl } } },
		);

		expect(error?.message).toBe('GEN API error 403: token *** lacks a role [forbidden]');
		expect(serialized(error)).not.toContain(sandbox.jwt);
	});
});

describe("The editor's error panel", () => {
	it('shows the HTTP status as the error code and GEN\'s error_code under "From GEN"', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, { resource: 'user', operation: 'getCurrent' }, {
			credentials: genCredentials(sandbox, 'gen_pat_wrong_0000'),
		});

		expect(shown(error)?.httpCode).toBe('401');
		expect((error as { context?: { data?: unknown } }).context?.data).toEqual({ status: 401, error_code: 'unauthorized' });
	});
});
