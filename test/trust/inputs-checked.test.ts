import { jsonOf, keyLocator, received, runGen, shown, useSandbox } from '../support/gen';

const gen = useSandbox();

const create = (expiresInDays: unknown) => ({ resource: 'apiKey', operation: 'create', name: 'ci', expiresInDays });
const listKeys = (more: object) => ({ resource: 'apiKey', operation: 'getAll', ...more });

describe('Expires In (Days)', () => {
	it.each([
		['Infinity', '={{ Infinity }}', '"Expires In (Days)" must be 0 or more', 'Got "Infinity".'],
		['1e305 (too far ahead)', '={{ 1e305 }}', '"Expires In (Days)" is out of range', 'Got "1e+305": that is too far ahead.'],
		['true', '={{ true }}', '"Expires In (Days)" must be 0 or more', 'Got "true".'],
		['[]', '={{ [] }}', '"Expires In (Days)" must be 0 or more', 'Got [].'],
		['" "', '={{ " " }}', '"Expires In (Days)" must be 0 or more', 'Got " ".'],
		['a value under a second', '={{ 0.000001 }}', '"Expires In (Days)" is out of range', 'Got "0.000001": that is less than a second.'],
	])('refuses %s: no key is created', async (_case, expiresInDays, message, got) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, create(expiresInDays));

		expect(error?.message).toBe(message);
		expect(error?.description).toBe(`${got} Use a number of days, or 0 for a key that never expires.`);
		expect(received(sandbox)).toEqual([]);
		expect(sandbox.state.keys).toHaveLength(6);
	});

	it.each([
		['a numeric string', '={{ "30" }}', 2_592_000],
		['a fraction of a day', 0.5, 43_200],
		['0 (never expires)', 0, undefined],
	])('accepts %s', async (_case, expiresInDays, seconds) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, create(expiresInDays));

		expect(error).toBeUndefined();
		expect(received(sandbox)[0].body).toEqual(seconds === undefined ? { name: 'ci' } : { name: 'ci', expires_in: seconds });
	});
});

describe('Limit', () => {
	it.each([
		['0', '={{ 0 }}', 'Got "0".'],
		['-1', '={{ -1 }}', 'Got "-1".'],
		['"abc"', '={{ "abc" }}', 'Got "abc".'],
		['2.5', '={{ 2.5 }}', 'Got "2.5".'],
	])('refuses %s before sending anything', async (_case, limit, got) => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, listKeys({ limit }));

		expect(shown(error)).toEqual({ message: '"Limit" must be a whole number of 1 or more', description: got, httpCode: null });
		expect(items).toEqual([]);
		expect(received(sandbox)).toEqual([]);
	});

	it('takes a numeric string', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, listKeys({ limit: '={{ "2" }}' }));

		expect(items).toHaveLength(2);
	});
});

describe('Name (Create and Rename)', () => {
	it('sends a number as text', async () => {
		const { sandbox } = gen;
		await runGen(sandbox, { resource: 'apiKey', operation: 'rename', apiKeyId: keyLocator('2'), name: '={{ 2026 }}' });

		expect(received(sandbox)[0].body).toEqual({ persisted_token: { name: '2026' } });
	});

	it.each([
		['an object', '={{ { a: 1 } }}', 'Got {"a":1}.'],
		['a list', '={{ ["a"] }}', 'Got ["a"].'],
	])('refuses %s', async (_case, name, got) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, { resource: 'apiKey', operation: 'create', name });

		expect(error?.message).toBe('Name must be text');
		expect(error?.description).toBe(`${got} Use text, or an expression that gives text.`);
		expect(received(sandbox)).toEqual([]);
	});
});

describe('Filter dates', () => {
	// Key 6 was last used at 2025-06-01T12:00:00Z: 21:00 that day in Tokyo, 08:00 in New York.
	it.each([
		['Asia/Tokyo', '2025-06-01T20:59:00', []],
		['Asia/Tokyo', '2025-06-01T21:01:00', [6]],
		['America/New_York', '2025-06-01T07:59:00', []],
		['America/New_York', '2025-06-01T08:01:00', [6]],
	])('read a date-time without offset in the workflow time zone (%s, %s)', async (timezone, lastUsedBefore, ids) => {
		const { sandbox } = gen;
		const { items } = await runGen(
			sandbox,
			listKeys({ returnAll: true, filters: { status: ['active'], lastUsedBefore, excludeNeverUsed: true } }),
			{ settings: { timezone } },
		);

		expect(jsonOf(items).map((key) => key.id)).toEqual(ids);
	});

	it('take an explicit offset as given', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(
			sandbox,
			listKeys({ returnAll: true, filters: { status: ['active'], lastUsedBefore: '2025-06-01T12:01:00Z', excludeNeverUsed: true } }),
			{ settings: { timezone: 'Asia/Tokyo' } },
		);

		expect(jsonOf(items).map((key) => key.id)).toEqual([6]);
	});

	it.each(['2026-02-30', '2026-13-01', '2026-01-01T25:00:00'])('refuse the impossible date %s', async (createdBefore) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, listKeys({ filters: { createdBefore } }));

		expect(error?.message).toBe('"Created Before" is not a date');
		expect(received(sandbox)).toEqual([]);
	});
});

describe('pairedItem on every path', () => {
	it('an Agent > Get Many error item under Continue On Fail points at its input item', async () => {
		const { sandbox } = gen;
		sandbox.fault({ status: 500, match: { path: '/v1/agents' } });
		const { items } = await runGen(
			sandbox,
			{ resource: 'agent', operation: 'getAll', returnAll: true, workspaceId: { __rl: true, mode: 'id', value: '={{ $json.ws }}' } },
			{ items: [{ ws: 'ws_1' }, { ws: 'ws_2' }], continueOnFail: true },
		);

		expect(items.map((item) => [item.json.error ?? item.json.id, item.pairedItem])).toEqual([
			['GEN API error 500: 500 Internal Server Error', { item: 0 }],
			['agent_3', { item: 1 }],
			['agent_4', { item: 1 }],
		]);
	});
});

describe('One refused item stops the run before any request', () => {
	it('a blank name on the third of three renames: nothing renamed, the error names the item', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(
			sandbox,
			{ resource: 'apiKey', operation: 'rename', apiKeyId: keyLocator('={{ $json.id }}'), name: '={{ $json.name }}' },
			{ items: [{ id: 2, name: 'a' }, { id: 5, name: 'b' }, { id: 6, name: ' ' }] },
		);

		expect(error?.message).toBe('Name is empty (item 3)');
		expect(error?.description).toBe(
			'Set "Name" (directly or with an expression that gives a value for every item). Nothing was sent for any item.',
		);
		expect(received(sandbox)).toEqual([]);
	});
});
