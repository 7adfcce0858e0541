import { idsOf, requestLines, runGen, shown, useSandbox } from './support/gen';

const gen = useSandbox();

/*
 * Seed keys the filters are read against:
 *   id  name                 status   created      last used     expires
 *   1   n8n-production       active   2026-01-05   1 hour ago    never
 *   2   CI Pipeline          active   2026-03-01   2026-03-09    2099-01-01
 *   3   old-laptop           expired  2024-06-15   2024-12-01    2025-01-01
 *   4   claude-code          revoked  2025-11-10   2026-02-19    never
 *   5   never-used           active   2026-02-01   never         never
 *   6   rotation-2026-01-01  active   2025-01-01   2025-06-01    never
 */
const listKeys = (filters: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
	resource: 'apiKey',
	operation: 'getAll',
	returnAll: true,
	filters,
	...more,
});

describe('API Key > Get Many > Filters', () => {
	it.each([
		['no filter', {}, [1, 2, 3, 4, 5, 6]],
		['status active', { status: ['active'] }, [1, 2, 5, 6]],
		['status expired or revoked', { status: ['expired', 'revoked'] }, [3, 4]],
		['status revoked', { status: ['revoked'] }, [4]],
		['status left empty', { status: [] }, [1, 2, 3, 4, 5, 6]],
		['name contains "PIPE" (any case)', { nameContains: 'PIPE' }, [2]],
		['name contains "o"', { nameContains: 'o' }, [1, 3, 4, 6]],
		['name contains nothing that exists', { nameContains: 'zapier' }, []],
		['created before 2026-01-01', { createdBefore: '2026-01-01' }, [3, 4, 6]],
		['created before a key\'s exact creation time (strictly before)', { createdBefore: '2025-01-01T00:00:00.000Z' }, [3]],
		['last used before 2026-01-01, never-used included', { lastUsedBefore: '2026-01-01' }, [3, 5, 6]],
		[
			'last used before 2026-01-01, never-used excluded',
			{ lastUsedBefore: '2026-01-01', excludeNeverUsed: true },
			[3, 6],
		],
		['exclude never used alone (no date) changes nothing', { excludeNeverUsed: true }, [1, 2, 3, 4, 5, 6]],
		['expires before 2030 (never-expiring keys do not match)', { expiresBefore: '2030-01-01' }, [3]],
		['expires before 2100', { expiresBefore: '2100-01-01T00:00:00Z' }, [2, 3]],
		['stale active keys: active and last used before 2026', { status: ['active'], lastUsedBefore: '2026-01-01' }, [5, 6]],
		[
			'stale active keys that were used at least once',
			{ status: ['active'], lastUsedBefore: '2026-01-01', excludeNeverUsed: true },
			[6],
		],
		[
			'active, name contains "U", created before 2026-01-31 (each filter removes one key)',
			{ status: ['active'], nameContains: 'U', createdBefore: '2026-01-31' },
			[1],
		],
		['filters that exclude each other', { status: ['revoked'], expiresBefore: '2100-01-01' }, []],
	])('%s', async (_case, filters, ids) => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, listKeys(filters));

		expect(error).toBeUndefined();
		expect(idsOf(items)).toEqual(ids);
		expect(requestLines(sandbox)).toEqual(['GET /v1/persisted_tokens']);
		expect(sandbox.requests[0].body).toBeUndefined();
	});

	it('takes dates from expressions, e.g. keys not used in the last 2 hours', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, listKeys({ lastUsedBefore: '={{ $now.minus({ hours: 2 }) }}' }));

		expect(idsOf(items)).toEqual([2, 3, 4, 5, 6]);
	});

	it('applies Limit after filtering', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, listKeys({ status: ['expired', 'revoked'] }, { returnAll: false, limit: 1 }));

		expect(idsOf(items)).toEqual([3]);
	});

	it('treats null dates from GEN as "never"', async () => {
		const { sandbox } = gen;
		// A key GEN returns without creation date: no "created before" cutoff can place it.
		(sandbox.state.keys[1] as { created_at: string | null }).created_at = null;
		const { items } = await runGen(sandbox, listKeys({ createdBefore: '2100-01-01' }));

		expect(idsOf(items)).toEqual([1, 3, 4, 5, 6]);
	});

	it.each([
		['createdBefore', 'Created Before'],
		['lastUsedBefore', 'Last Used Before'],
		['expiresBefore', 'Expires Before'],
	])('stops with a clear error when %s is not a date', async (field, label) => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, listKeys({ [field]: 'last tuesday-ish' }));

		expect(shown(error)).toEqual({
			message: `"${label}" is not a date`,
			description:
				'Got "last tuesday-ish". Use a date such as 2026-01-31 or an expression like {{ $now.minus({ days: 90 }) }}.',
			httpCode: null,
		});
		expect(items).toEqual([]);
		expect(requestLines(sandbox)).toEqual([]);
	});
});
