/**
 * A parameter whose expression only reads a field of the item (`={{ $json.name }}`) is taken from
 * the item instead of being evaluated a third time (shared/input.ts): it must give exactly what
 * the evaluation gives, for every kind of value, errors included.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { loadPackage } from './harness/n8n';
import { keyLocator, received, runGen, useSandbox } from './support/gen';

const gen = useSandbox();

const items = [
	{ cell: 4011, text: 'plain text' },
	{ cell: '4012', text: '  spaced  ' },
	{ cell: ' 4013 ', text: '' },
	{ cell: 4014, text: '={{ not evaluated }}' },
	{ cell: 4021, text: 42 },
	{ cell: 4022, text: 3.5 },
	{ cell: 4023, text: true },
	{ cell: 4024, text: null },
	{ cell: 4011 },
	{ cell: 4012, text: { nested: 1 } },
	{ cell: 4013, text: ['a'] },
	{ cell: '', text: 'no cell' },
	{ cell: '..', text: 'dot cell' },
	{ text: 'missing cell' },
];

const summary = (output: INodeExecutionData[]) =>
	output.map(({ json, error, pairedItem }) =>
		error ? { error: error.message, description: error.description, pairedItem } : { id: json.id, value: json.value, pairedItem },
	);

async function run(read: (field: string) => string) {
	gen.sandbox.clearRequests();
	const { items: output, error } = await runGen(
		gen.sandbox,
		{ resource: 'cell', operation: 'update', agentId: keyLocator('agent_1'), contentEngineId: keyLocator('101'), cellId: keyLocator(read('cell')), value: read('text') },
		{ items, continueOnFail: true },
	);
	return { error, output: summary(output), sent: received(gen.sandbox) };
}

describe('A field read from the item gives what evaluating its expression gives', () => {
	it('Cell > Update: `={{ $json.x }}` (read from the item) and `={{ $json["x"] }}` (evaluated) send and output the same', async () => {
		const direct = await run((field) => `={{ $json.${field} }}`);
		const evaluated = await run((field) => `={{ $json["${field}"] }}`);

		expect(direct.error).toBeUndefined();
		expect(direct.sent.length).toBeGreaterThan(0);
		expect(direct.output.filter((item) => 'error' in item).length).toBeGreaterThan(0);
		expect(direct).toEqual(evaluated);
	});

	it("no locator mode of the node has an extractValue regex (the direct read takes a locator's value as its ID)", async () => {
		const { nodeTypes } = await loadPackage();
		const { properties } = nodeTypes.getByNameAndVersion('n8n-nodes-gen.gen').description;
		const modes = JSON.stringify(properties);

		expect(modes).not.toContain('"extractValue"');
	});
});
