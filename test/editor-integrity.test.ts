/**
 * The built node's description as the editor shows it (n8n-workflow's NodeHelpers display rules):
 * every choice leads somewhere, and no two fields fight over one name.
 */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { DEFAULT_NODE_TYPE, loadPackage } from './harness/n8n';
import { combinations, controllingNames, editorFaults } from './support/editor-integrity';

let description: INodeTypeDescription;
let credentialTypes: string[];
let nodeTypes: Awaited<ReturnType<typeof loadPackage>>['nodeTypes'];

beforeAll(async () => {
	const loaded = await loadPackage();
	nodeTypes = loaded.nodeTypes;
	const { loader } = loaded;
	description = nodeTypes.getByNameAndVersion(DEFAULT_NODE_TYPE).description;
	credentialTypes = Object.keys(loader.known.credentials);
});

describe('the GEN node in the editor', () => {
	it('has no fault a user would meet: credentials, operations, action texts, defaults, field names', () => {
		expect(editorFaults(description, credentialTypes)).toEqual([]);
	});

	it('offers exactly API Key and JWT as Authentication, each showing its own credential', () => {
		const authentication = description.properties.find((p) => p.name === 'authentication');
		expect(authentication?.options?.map((o) => ('value' in o ? [o.name, o.value] : []))).toEqual([
			['API Key', 'apiKey'],
			['JWT', 'jwt'],
		]);
		expect(description.credentials?.map((c) => [c.name, c.displayOptions?.show?.authentication])).toEqual([
			['genApi', ['apiKey']],
			['genJwtApi', ['jwt']],
		]);
	});

	it('tries every resource, operation and the dropdowns fields depend on', () => {
		const all = combinations(description);
		const operations = new Set(all.map((p) => `${String(p.resource)}.${String(p.operation)}`));
		const resources = description.properties.find((p) => p.name === 'resource')?.options ?? [];
		expect(new Set(all.map((p) => p.resource))).toEqual(new Set(resources.map((o) => ('value' in o ? o.value : o))));
		expect(operations).toContain('cell.generate');
		expect(operations).toContain('apiKey.getAll');
		expect(new Set(all.map((p) => p.authentication))).toEqual(new Set(['apiKey', 'jwt']));
		// Dropdowns below the operation are varied too, wherever they show: each takes every value.
		for (const name of controllingNames(description)) {
			const choices = description.properties
				.filter((p) => p.name === name && p.type === 'options' && !p.typeOptions?.loadOptionsMethod)
				.flatMap((p) => (p.options ?? []).map((o) => ('value' in o ? o.value : undefined)));
			const reached = new Set(all.map((p) => p[name]));
			expect(choices.filter((choice) => !reached.has(choice))).toEqual([]);
		}
		const returnAll = all.filter((p) => p.resource === 'apiKey' && p.operation === 'getAll').map((p) => p.returnAll);
		expect(new Set(returnAll)).toEqual(new Set([true, false]));
	});
});

/** The subtitle as the editor evaluates it (n8n-workflow's expression engine, the node's saved parameters). */
function subtitleFor(parameters: Record<string, string>): unknown {
	const node = { id: '1', name: 'GEN', type: DEFAULT_NODE_TYPE, typeVersion: 1, position: [0, 0] as [number, number], parameters };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, description.subtitle, 'manual', {});
}

describe('the node subtitle on the canvas', () => {
	it("names the operation and the resource by their display names, for every operation", () => {
		expect(subtitleFor({ resource: 'cell', operation: 'getAll' })).toBe('Get Many: Cell');
		expect(subtitleFor({ resource: 'contentEngine', operation: 'get' })).toBe('Get: Vidsheet (Content Engine)');
		const resources = description.properties.find((p) => p.name === 'resource')!.options!;
		for (const resource of resources) {
			if (!('value' in resource)) continue;
			for (const field of description.properties.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value))) {
				for (const operation of field.options ?? []) {
					if (!('value' in operation)) continue;
					const parameters = { resource: String(resource.value), operation: String(operation.value) };
					expect([parameters, subtitleFor(parameters)]).toEqual([parameters, `${operation.name}: ${resource.name}`]);
				}
			}
		}
	});

	it('falls back to the saved values for an operation it does not know (n8n\'s Custom API Call)', () => {
		expect(subtitleFor({ resource: 'cell', operation: '__CUSTOM_API_CALL__' })).toBe('__CUSTOM_API_CALL__: cell');
	});
});

/** A small, sound description to break one way at a time. */
function sample(): INodeTypeDescription {
	return {
		displayName: 'Sample',
		name: 'sample',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'Sample' },
		inputs: [],
		outputs: [],
		credentials: [
			{ name: 'keyApi', required: true, displayOptions: { show: { authentication: ['key'] } } },
			{ name: 'tokenApi', required: true, displayOptions: { show: { authentication: ['token'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Key', value: 'key' },
					{ name: 'Token', value: 'token' },
				],
				default: 'key',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Thing', value: 'thing' },
					{ name: 'Other', value: 'other' },
				],
				default: 'thing',
			},
			operation('thing', ['get', 'list']),
			operation('other', ['get']),
			{
				displayName: 'Kind',
				name: 'kind',
				type: 'options',
				options: [
					{ name: 'A', value: 'a' },
					{ name: 'B', value: 'b' },
				],
				default: 'a',
				displayOptions: { show: { resource: ['thing'], operation: ['get'] } },
			},
			field('Text', 'text', { resource: ['thing'], operation: ['get'], kind: ['a'] }),
			field('Text', 'text', { resource: ['thing'], operation: ['get'], kind: ['b'] }),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				default: {},
				displayOptions: { show: { resource: ['other'] } },
				options: [
					{ displayName: 'Mode', name: 'mode', type: 'options', options: [{ name: 'Fast', value: 'fast' }], default: 'fast' },
				],
			},
		],
	};
}

function operation(resource: string, values: string[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: values.map((value) => ({ name: value, value, action: `${value} a ${resource}` })),
		default: values[0],
	};
}

function field(displayName: string, name: string, show: Record<string, string[]>): INodeProperties {
	return { displayName, name, type: 'string', default: '', displayOptions: { show } };
}

const CREDENTIAL_TYPES = ['keyApi', 'tokenApi'];
const faultsOf = (description: INodeTypeDescription) => editorFaults(description, CREDENTIAL_TYPES);
const property = (description: INodeTypeDescription, name: string, index = 0) =>
	description.properties.filter((p) => p.name === name)[index];

describe('the checker', () => {
	it('finds nothing wrong with a sound description', () => {
		expect(faultsOf(sample())).toEqual([]);
	});

	it('finds an Authentication choice that shows no credential (the "Cell" of 0.1.x)', () => {
		const broken = sample();
		property(broken, 'authentication').options!.push({ name: 'Cell', value: 'cell' });
		expect(faultsOf(broken)).toEqual(['Authentication "Cell" (cell) shows 0 credentials [], not exactly one']);
	});

	it('finds an Authentication choice that shows two credentials', () => {
		const broken = sample();
		broken.credentials![1].displayOptions = { show: { authentication: ['key', 'token'] } };
		expect(faultsOf(broken)).toEqual(['Authentication "Key" (key) shows 2 credentials [keyApi, tokenApi], not exactly one']);
	});

	it('finds a credential type the package does not have', () => {
		expect(editorFaults(sample(), ['keyApi'])).toEqual(['credential "tokenApi" is not a credential type of the package']);
	});

	it('finds a resource without operation', () => {
		const broken = sample();
		property(broken, 'resource').options!.push({ name: 'Empty', value: 'empty' });
		expect(faultsOf(broken)).toEqual(['resource "Empty" (empty) has no operation']);
	});

	it('finds an operation without action text', () => {
		const broken = sample();
		delete (property(broken, 'operation', 1).options![0] as { action?: string }).action;
		expect(faultsOf(broken)).toEqual(['operation "get" (get) has no action text']);
	});

	it('finds a dropdown whose default is not one of its choices, nested ones too', () => {
		const broken = sample();
		property(broken, 'kind').default = 'c';
		(property(broken, 'options').options![0] as INodeProperties).default = 'slow';
		expect(faultsOf(broken)).toEqual([
			'dropdown "Kind" (kind) defaults to "c", not one of its choices [a, b]',
			'dropdown "Mode" (mode) defaults to "slow", not one of its choices [fast]',
		]);
	});

	it('finds two fields of one name that show at once, only for the dropdown value where they do', () => {
		const broken = sample();
		property(broken, 'text', 1).displayOptions = { show: { resource: ['thing'], operation: ['get'], kind: ['a', 'b'] } };
		expect(faultsOf(broken)).toEqual([
			'2 fields named "text" show at once for authentication="key", resource="thing", operation="get", kind="a"',
			'2 fields named "text" show at once for authentication="token", resource="thing", operation="get", kind="a"',
		]);
	});

	it('finds two fields of one name inside a collection', () => {
		const broken = sample();
		const options = property(broken, 'options').options as INodeProperties[];
		options.push({ ...options[0], displayName: 'Mode again' });
		expect(faultsOf(broken)).toEqual([
			'2 fields named "mode" show at once in "Options" for authentication="key", resource="other", operation="get"',
			'2 fields named "mode" show at once in "Options" for authentication="token", resource="other", operation="get"',
		]);
	});

	it('finds a field that shows for no choice, top level or nested', () => {
		const broken = sample();
		broken.properties.push(field('Orphan', 'orphan', { resource: ['thing'], operation: ['delete'] }));
		(property(broken, 'options').options as INodeProperties[]).push(field('Hidden', 'hidden', { '/resource': ['thing'] }));
		expect(faultsOf(broken)).toEqual([
			'field "Hidden" (hidden) shows for no choice',
			'field "Orphan" (orphan) shows for no choice',
		]);
	});
});
