import { idsOf, requestLines, runGen, useSandbox } from './support/gen';

// GEN answers whole lists; with 126 keys (6 seeded + 120 generated) Limit and Return All show.
const gen = useSandbox({ extraKeys: 120 });

const BULK_IDS = Array.from({ length: 120 }, (_, i) => 1001 + i);
const ALL_IDS = [1, 2, 3, 4, 5, 6, ...BULK_IDS];

describe('API Key > Get Many on a long list', () => {
	it.each([
		['Limit left at its default', {}, ALL_IDS.slice(0, 50)],
		['Limit 10', { limit: 10 }, ALL_IDS.slice(0, 10)],
		['Limit above the list size', { limit: 500 }, ALL_IDS],
		['Return All', { returnAll: true }, ALL_IDS],
		['Return All (Limit ignored)', { returnAll: true, limit: 3 }, ALL_IDS],
		['Name Contains "bulk", default Limit', { filters: { nameContains: 'bulk' } }, BULK_IDS.slice(0, 50)],
		['Name Contains "bulk", Return All', { returnAll: true, filters: { nameContains: 'bulk' } }, BULK_IDS],
		['Status revoked, Limit 50', { filters: { status: ['revoked'] } }, [4]],
	])('%s', async (_case, options, ids) => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, { resource: 'apiKey', operation: 'getAll', ...options });

		expect(idsOf(items)).toEqual(ids);
		expect(requestLines(sandbox)).toEqual(['GET /v1/persisted_tokens']);
	});
});
