/**
 * Content operations cost what the key operations cost: n8n-core evaluates each expression field
 * twice per item (its floor); the node's own read takes `={{ $json.x }}` from the item, and
 * evaluates any other expression a third time.
 */
import { loadPackage } from './harness/n8n';
import { evaluationsPerItem } from './support/evaluations';
import { keyLocator, useSandbox } from './support/gen';

const gen = useSandbox();

const items = Array.from({ length: 10 }, (_, i) => ({ agent: 'agent_1', engine: 101, cell: 4011 + (i % 4), text: `text ${i}` }));
const scope = { agentId: keyLocator('={{ $json.agent }}'), contentEngineId: keyLocator('={{ $json.engine }}') };

const cases = [
	['Cell > Update (agent, engine, cell, value)', { resource: 'cell', operation: 'update', ...scope, cellId: keyLocator('={{ $json.cell }}'), value: '={{ $json.text }}' }, 8],
	['Cell > Update (value from a longer expression: evaluated a third time)', { resource: 'cell', operation: 'update', ...scope, cellId: keyLocator('={{ $json.cell }}'), value: '={{ $json.text.trim() }}' }, 9],
	['Cell > Get Many (agent, engine; filters as values)', { resource: 'cell', operation: 'getAll', ...scope, columnName: 'Script', onlyEmpty: true, returnAll: true }, 4],
	['Row > Create (agent, engine)', { resource: 'row', operation: 'create', ...scope }, 4],
	['Content Engine > Get (agent, engine)', { resource: 'contentEngine', operation: 'get', agentId: scope.agentId, engineId: scope.contentEngineId }, 4],
	['Template > Clone (target agent)', { resource: 'template', operation: 'clone', templateSlug: keyLocator('ugc-script-to-video'), targetAgentId: scope.agentId }, 2],
] as const;

describe('Expression evaluations per item, content operations', () => {
	it.each(cases)('%s', async (_case, parameters, expected) => {
		expect(await evaluationsPerItem(gen.sandbox, parameters, items)).toBe(expected);
	});
});

describe('Each content parameter is declared once (a second declaration is evaluated again for every item)', () => {
	it.each([
		'agentId',
		'contentEngineId',
		'engineId',
		'targetAgentId',
		'templateSlug',
		'rowId',
		'columnId',
		'cellId',
		'title',
		'isDefault',
		'columnType',
		'columnName',
		'onlyEmpty',
		'value',
		'organizationId',
		'options',
	])('%s', async (name) => {
		const { nodeTypes } = await loadPackage();
		const { properties } = nodeTypes.getByNameAndVersion('n8n-nodes-gen.gen').description;

		expect(properties.filter((property) => property.name === name)).toHaveLength(1);
	});
});
