/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not node code: reads saved workflows */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IConnections, INode } from 'n8n-workflow';
import { repoRoot, runWorkflow } from './harness/n8n';
import { genCredentials, received, useSandbox } from './support/gen';

const gen = useSandbox();

/**
 * Workflows as 0.1.0 saved them (the end-to-end fixtures, unchanged since 0.1.0): Create had a
 * `name` field and Rename its own `name` ("New Name"). 0.2 declares `name` once for both; a saved
 * value must still load and be sent.
 */
function saved(file: string) {
	const workflow = JSON.parse(readFileSync(join(repoRoot, 'test/e2e/workflows', file), 'utf8')) as {
		nodes: INode[];
		connections: IConnections;
	};
	const nodes = workflow.nodes.map((node) =>
		node.type === 'n8n-nodes-gen.gen' ? { ...node, credentials: { genApi: { id: 'genApi', name: 'genApi' } } } : node,
	);
	return { nodes, connections: workflow.connections };
}

describe('Workflows saved by 0.1.0', () => {
	it.each([
		['api-key-rename.json', 'PATCH', '/v1/persisted_tokens/2', { persisted_token: { name: 'CI Pipeline (renamed)' } }],
		['api-key-create.json', 'POST', '/v1/persisted_tokens', { name: 'e2e-created', expires_in: 30 * 86_400 }],
	])('%s runs and sends its saved name', async (file, method, path, body) => {
		const { sandbox } = gen;
		const run = await runWorkflow(saved(file), genCredentials(sandbox));

		expect(run.data.resultData.error).toBeUndefined();
		expect(received(sandbox)).toEqual([{ method, path, body }]);
	});
});
