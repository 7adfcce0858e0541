import { evaluationsPerItem } from './support/evaluations';
import { keyLocator, useSandbox } from './support/gen';

const gen = useSandbox({ extraKeys: 20 });

// Ids 1001.. are the sandbox's extra keys.
const items = Array.from({ length: 20 }, (_, i) => ({ id: 1001 + i, name: `renamed-${i}` }));
const fromItem = { apiKeyId: keyLocator('={{ $json.id }}') };

/**
 * Per item, with the fields filled by expressions as a workflow over many items would. n8n-core
 * evaluates each expression field twice before the operation reads it (its first pass over every
 * property and `resolveBaseUrl`), and keeps neither result: 2 per field is the floor in the Define
 * Below mode. The operation's own read takes `={{ $json.x }}` from the item (shared/input.ts) and
 * evaluates any other expression a third time. The HTTP Request node costs 2 (URL and body). A
 * change that adds evaluations fails here.
 */
const cases = [
	['API Key > Rename, Define Below', { operation: 'rename', ...fromItem, name: '={{ $json.name }}' }, 4],
	['API Key > Rename, Define Below, name from a longer expression', { operation: 'rename', ...fromItem, name: '={{ $json.name.trim() }}' }, 5],
	['API Key > Rename, Auto-Map Input Data', { operation: 'rename', mapping: 'autoMapInputData' }, 0],
	['API Key > Revoke, Define Below', { operation: 'revoke', ...fromItem }, 2],
	['API Key > Revoke, Auto-Map Input Data', { operation: 'revoke', mapping: 'autoMapInputData' }, 0],
	['API Key > Get Many (Return All)', { operation: 'getAll', returnAll: true }, 0],
	['API Key > Get Many with a date filter from an expression', { operation: 'getAll', filters: { lastUsedBefore: '={{ $now }}' } }, 3],
] as const;

describe('Expression evaluations per item (n8n-core 2.x RoutingNode)', () => {
	it.each(cases)('%s', async (_case, parameters, expected) => {
		const perItem = await evaluationsPerItem(gen.sandbox, { resource: 'apiKey', ...parameters }, items);

		expect(perItem).toBe(expected);
	});
});
