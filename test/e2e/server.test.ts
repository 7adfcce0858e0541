/* eslint-disable @n8n/community-nodes/no-restricted-globals -- end-to-end test code runs in Node, not inside n8n */
/**
 * The packed package inside a running n8n app (`n8n start`, 127.0.0.1 only), for each n8n line:
 * the app lists the node and its credentials, the credential test endpoint checks a GEN key
 * against the sandbox, and an active Schedule Trigger workflow calls GEN on its own.
 */
import * as n8n from '../../scripts/e2e/lib/n8n';
import { linesToTest, received, waitFor } from '../../scripts/e2e/lib/suite';
import { startSandbox, type Sandbox } from '../sandbox/server';
import scheduleWorkflow from './workflows/schedule-list-keys.json';

const SCHEDULE_ID = scheduleWorkflow.id;

afterAll(async () => n8n.stopAll());

describe.each(linesToTest())('n8n $version (line $line) server', ({ line }) => {
	let sandbox: Sandbox;
	let app: n8n.N8nInstance;
	let server: n8n.N8nServer;

	beforeAll(async () => {
		sandbox = await startSandbox();
		app = await n8n.createInstance({ line, label: `server-v${line}` });
		await app.importCredentials([
			n8n.genApiCredential({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl }),
			n8n.genJwtCredential({ token: sandbox.jwt, baseUrl: sandbox.baseUrl }),
		]);
		// Imported as active: n8n's import:workflow deactivates it anyway (both lines).
		await app.importWorkflows([{ ...scheduleWorkflow, active: true }]);
		server = await app.start();
		await app.setupOwner();
	});

	beforeEach(() => sandbox?.reset());

	afterAll(async () => {
		await app?.dispose();
		await sandbox?.close();
	});

	test('listens on 127.0.0.1 and serves the package\'s node and credential types', async () => {
		expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const nodes = await app.fetch('GET', '/types/nodes.json');
		expect(nodes.status).toBe(200);
		const gen = (nodes.body as Array<{ name: string; version: number; credentials?: Array<{ name: string }> }>).find(
			(type) => type.name === 'n8n-nodes-gen.gen',
		);
		expect(gen).toBeDefined();
		expect(gen!.credentials?.map((c) => c.name)).toEqual(['genApi', 'genJwtApi']);
		const credentials = await app.fetch('GET', '/types/credentials.json');
		const names = (credentials.body as Array<{ name: string }>).map((type) => type.name);
		expect(names).toEqual(expect.arrayContaining(['genApi', 'genJwtApi']));
	});

	describe('credential test (POST /rest/credentials/test)', () => {
		const testCredential = async (type: string, id: string, data: Record<string, string>) => {
			const response = await app.fetch('POST', '/rest/credentials/test', { credentials: { id, name: 'GEN account', type, data } });
			expect(response.status).toBe(200);
			return response.body.data as { status: string; message: string };
		};

		test('reports success for the good API key', async () => {
			const result = await testCredential('genApi', 'genApiE2e', { apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl });
			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(received(sandbox.requests)).toMatchObject([{ method: 'GET', path: '/v1/me', apiKey: sandbox.apiKey }]);
		});

		test('reports a failure with a message for a wrong API key', async () => {
			const result = await testCredential('genApi', 'genApiE2e', { apiKey: 'gen_pat_wrong_key', baseUrl: `${sandbox.baseUrl}/` });
			expect(result.status).toBe('Error');
			// 2.x shows the credential's 401 rule; 1.x its own "Authorization failed - please check your credentials".
			expect(result.message).toBe(
				line === '2'
					? 'GEN did not accept this API key: it is wrong, revoked or expired'
					: 'Authorization failed - please check your credentials',
			);
			expect(sandbox.requests.length).toBeGreaterThanOrEqual(1);
			expect(received(sandbox.requests).every((r) => r.path === '/v1/me' && r.apiKey === 'gen_pat_wrong_key')).toBe(true);
		});

		test('reports success for the GEN JWT credential', async () => {
			const result = await testCredential('genJwtApi', 'genJwtE2e', { token: sandbox.jwt, baseUrl: sandbox.baseUrl });
			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(received(sandbox.requests)).toMatchObject([{ method: 'GET', path: '/v1/me', authorization: `Bearer ${sandbox.jwt}` }]);
		});
	});

	test('an active Schedule Trigger workflow lists the keys every 2 seconds', async () => {
		const imported = await app.rest('GET', `/rest/workflows/${SCHEDULE_ID}`);
		expect(imported.active).toBe(false);
		expect(sandbox.requests).toEqual([]);

		const activated = await app.activateWorkflow(SCHEDULE_ID);
		expect(activated.active).toBe(true);

		const lists = () => sandbox.requests.filter((r) => r.method === 'GET' && r.path === '/v1/persisted_tokens');
		await waitFor(() => lists().length >= 2, { timeoutMs: 30_000, what: 'two scheduled GEN calls' });
		expect(lists().every((r) => r.headers['x-api-key'] === sandbox.apiKey)).toBe(true);

		const executions = await app.rest('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: SCHEDULE_ID }))}`);
		const results = (executions.results ?? executions) as Array<{ status: string; mode: string }>;
		expect(results.filter((e) => e.status === 'success' && e.mode === 'trigger').length).toBeGreaterThanOrEqual(1);
		expect(results.filter((e) => e.status === 'error' || e.status === 'crashed')).toEqual([]);

		// Stopping n8n stops the schedule, and nothing of the process group is left.
		const pid = server.process.pid!;
		await server.stop();
		const count = sandbox.requests.length;
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(sandbox.requests.length).toBe(count);
		expect(() => process.kill(-pid, 0)).toThrow();
	});
});
