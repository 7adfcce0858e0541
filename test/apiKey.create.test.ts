import { genCredentials, jsonOf, received, receivedSorted, runGen, useSandbox } from './support/gen';

const gen = useSandbox();

const create = (fields: Record<string, unknown>) => ({ resource: 'apiKey', operation: 'create', ...fields });

describe('API Key > Create', () => {
	it('sends POST /persisted_tokens with only the name when the key never expires, and outputs the one-time token', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, create({ name: 'n8n-staging' }));

		expect(error).toBeUndefined();
		expect(received(sandbox)).toEqual([{ method: 'POST', path: '/v1/persisted_tokens', body: { name: 'n8n-staging' } }]);
		expect(sandbox.requests[0].rawBody).not.toContain('expires_in');
		expect(sandbox.requests[0].headers['x-api-key']).toBe(sandbox.apiKey);
		expect(sandbox.requests[0].headers['content-type']).toMatch(/^application\/json/);

		const created = sandbox.state.keys[6];
		expect(jsonOf(items)).toEqual([
			{
				id: 7,
				name: 'n8n-staging',
				token_type: 'personal_access_token',
				created_at: created.created_at,
				expires_at: null,
				last_used_at: null,
				revoked_at: null,
				status: 'active',
				token: created.token,
			},
		]);
		expect(created.token).toMatch(/^gen_pat_/);
	});

	it.each([
		[1, 86_400],
		[30, 2_592_000],
		[90, 7_776_000],
		[365, 31_536_000],
		[0.5, 43_200],
	])('sends %p days as expires_in: %p (integer seconds)', async (expiresInDays, seconds) => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, create({ name: 'short-lived', expiresInDays }));

		expect(received(sandbox)).toEqual([
			{ method: 'POST', path: '/v1/persisted_tokens', body: { name: 'short-lived', expires_in: seconds } },
		]);
		const [key] = jsonOf(items);
		const lifetime = Date.parse(String(key.expires_at)) - Date.parse(String(key.created_at));
		expect(Math.round(lifetime / 1000)).toBe(seconds);
	});

	it('gives a token that works as a credential right away', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, create({ name: 'for-zapier' }));
		const token = String(items[0].json.token);
		sandbox.clearRequests();

		const { items: me, error } = await runGen(sandbox, { resource: 'user', operation: 'getCurrent' }, {
			credentials: genCredentials(sandbox, token),
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].headers['x-api-key']).toBe(token);
		expect(jsonOf(me)).toEqual([expect.objectContaining({ id: 'user_abc123' })]);
	});

	it('creates one key per input item (with Continue On Fail, which several items need)', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, create({ name: '={{ $json.app }}', expiresInDays: '={{ $json.days }}' }), {
			items: [
				{ app: 'make', days: 7 },
				{ app: 'zapier', days: 0 },
			],
			continueOnFail: true,
		});

		expect(
			received(sandbox)
				.map(({ body }) => body)
				.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
		).toEqual([{ name: 'make', expires_in: 604_800 }, { name: 'zapier' }]);
		expect(receivedSorted(sandbox).map(({ method, path }) => `${method} ${path}`)).toEqual([
			'POST /v1/persisted_tokens',
			'POST /v1/persisted_tokens',
		]);
		expect(jsonOf(items).map(({ name, token }) => [name, typeof token])).toEqual([
			['make', 'string'],
			['zapier', 'string'],
		]);
	});

	it.each([
		['only spaces', '   '],
		['an expression giving nothing', '={{ $json.missing }}'],
	])('refuses a blank name (%s) before sending anything', async (_case, name) => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, create({ name }));

		expect(error?.message).toBe('Name is empty');
		expect(error?.description).toBe('Set "Name" (directly or with an expression that gives a value for every item).');
		expect(items).toEqual([]);
		expect(received(sandbox)).toEqual([]);
		expect(sandbox.state.keys).toHaveLength(6);
	});

	it.each([
		['a negative number', '={{ -5 }}'],
		['text', '={{ "soon" }}'],
	])('refuses Expires In (Days) given as %s instead of creating a key that never expires', async (_case, expiresInDays) => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, create({ name: 'typo', expiresInDays }));

		expect(error?.message).toBe('"Expires In (Days)" must be 0 or more');
		expect(error?.description).toMatch(/^Got "(-5|soon)"\. Use a number of days, or 0 for a key that never expires\.$/);
		expect(items).toEqual([]);
		expect(received(sandbox)).toEqual([]);
	});
});
