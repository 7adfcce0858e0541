/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- end-to-end test code runs in Node, not inside n8n */
/**
 * The packed package inside the real n8n app, driven through n8n's CLI: for each n8n line,
 * `npm pack` → installed like a community package → credentials and every workflow imported once
 * → each workflow run with `n8n execute --id --rawOutput` against the GEN sandbox, asserting on
 * n8n's run data and on what the sandbox received.
 */
import * as n8n from '../../scripts/e2e/lib/n8n';
import { loadWorkflowDir, nodeError, nodeItems, nodeRuns, runError } from '../../scripts/e2e/lib/run-data';
import { examplesDir, linesToTest, received, todayUtc, workflowsDir } from '../../scripts/e2e/lib/suite';
import { startSandbox, type Sandbox } from '../sandbox/server';

const WRONG_KEY = 'gen_pat_wrong_0000000000000000';

/** Examples are shipped without IDs (users import them); the suite gives them these. */
const EXAMPLE_IDS: Record<string, string> = {
	'weekly-key-audit.json': 'exWeeklyKeyAudit',
	'key-rotation.json': 'exKeyRotation',
	'who-am-i.json': 'exWhoAmI',
	'fill-empty-script-cells.json': 'exFillScripts',
	'idea-to-video.json': 'exIdeaToVideo',
	'weekly-ideas-to-vidsheets.json': 'exWeeklyIdeas',
	'trend-to-posted-video.json': 'exTrendToPost',
	// Its GEN Trigger runs only in an active workflow: test/e2e/trigger.test.ts activates it.
	'approved-idea-to-post.json': 'exApprovedToPost',
};

const fixtures = loadWorkflowDir(workflowsDir);
const examples = loadWorkflowDir(examplesDir);

afterAll(async () => n8n.stopAll());

/** A binary item's bytes: inline (base64) or, in n8n's filesystem mode, from the instance's storage folder. */
async function binaryBytes(app: n8n.N8nInstance, binary: { data?: string; id?: string }) {
	if (binary.id) {
		const [, relative] = /^filesystem(?:-v2)?:(.*)$/.exec(binary.id) ?? [];
		const { readFile } = await import('node:fs/promises');
		const { join } = await import('node:path');
		return await readFile(join(app.userFolder, '.n8n', 'storage', relative));
	}
	return Buffer.from(binary.data ?? '', 'base64');
}

describe.each(linesToTest())('n8n $version (line $line) CLI', ({ line }) => {
	let sandbox: Sandbox;
	let app: n8n.N8nInstance;

	beforeAll(async () => {
		sandbox = await startSandbox();
		app = await n8n.createInstance({ line, label: `cli-v${line}` });
		await app.importCredentials([
			n8n.genApiCredential({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl, agentBaseUrl: sandbox.agent.baseUrl }),
			n8n.genApiCredential({ id: 'genApiBadKey', name: 'GEN wrong key', apiKey: WRONG_KEY, baseUrl: sandbox.baseUrl }),
			n8n.genJwtCredential({ token: sandbox.jwt, baseUrl: sandbox.baseUrl }),
		]);
		await app.importWorkflows([
			...fixtures.map(({ workflow }) => workflow),
			...examples.map(({ file, workflow }) => ({ ...workflow, id: EXAMPLE_IDS[file] })),
		]);
	});

	beforeEach(() => sandbox?.reset());

	afterAll(async () => {
		await app?.dispose();
		await sandbox?.close();
	});

	/** Runs an imported workflow; fails the test with n8n's output when the run's outcome is not the expected one. */
	async function execute(id: string, expectOk = true) {
		const run = await app.execute(id);
		if (run.ok !== expectOk) {
			throw new Error(
				`n8n execute --id=${id} ${run.ok ? 'succeeded' : `failed (exit ${run.code}, signal ${run.signal})`}, expected ${expectOk ? 'success' : 'failure'}:\n${run.stdout.slice(-6000)}\n${run.stderr.slice(-3000)}`,
			);
		}
		return run;
	}

	const key = (id: number) => sandbox.state.keys.find((k) => k.id === id);
	/**
	 * n8n's RoutingNode sends a declarative node's per-item requests concurrently: their order
	 * of arrival is not fixed, so compare them sorted.
	 */
	const sorted = <T>(list: T[]) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
	const statuses = () => Object.fromEntries(sandbox.state.keys.map((k) => [k.id, k.status]));

	describe('one workflow per operation', () => {
		test('user getCurrent', async () => {
			const run = await execute('e2eUserGetCurrent');
			expect(run.data.status).toBe('success');
			expect(nodeItems(run.data, 'Current user')).toEqual([
				{ id: 'user_abc123', email: 'you@example.com', name: 'Sandbox User', username: 'sandbox', created_at: '2026-01-05T10:00:00.000Z' },
			]);
			expect(received(sandbox.requests)).toEqual([
				{ method: 'GET', path: '/v1/me', query: {}, apiKey: sandbox.apiKey, authorization: undefined, body: undefined },
			]);
			expect(sandbox.requests[0].headers.accept).toMatch(/application\/json/);
		});

		test('user getCurrent with the GEN JWT credential', async () => {
			const run = await execute('e2eUserGetCurrentJwt');
			expect(nodeItems(run.data, 'Current user')).toMatchObject([{ id: 'user_abc123' }]);
			expect(received(sandbox.requests)).toEqual([
				{ method: 'GET', path: '/v1/me', query: {}, apiKey: undefined, authorization: `Bearer ${sandbox.jwt}`, body: undefined },
			]);
		});

		test('apiKey getAll, return all: every key, one item each', async () => {
			const run = await execute('e2eKeysGetAll');
			const items = nodeItems(run.data, 'List keys');
			expect(items.map((k) => [k.id, k.name, k.status])).toEqual([
				[1, 'n8n-production', 'active'],
				[2, 'CI Pipeline', 'active'],
				[3, 'old-laptop', 'expired'],
				[4, 'claude-code', 'revoked'],
				[5, 'never-used', 'active'],
				[6, 'rotation-2026-01-01', 'active'],
			]);
			expect(items.every((k) => !('token' in k))).toBe(true);
			expect(received(sandbox.requests)).toEqual([
				{ method: 'GET', path: '/v1/persisted_tokens', query: {}, apiKey: sandbox.apiKey, authorization: undefined, body: undefined },
			]);
		});

		test('apiKey getAll, limit 2', async () => {
			const run = await execute('e2eKeysGetAllLimit');
			expect(nodeItems(run.data, 'List keys').map((k) => k.id)).toEqual([1, 2]);
			expect(sandbox.requests).toHaveLength(1);
		});

		test('apiKey getAll with filters (active, last used before 2026-01-01 or never)', async () => {
			const run = await execute('e2eKeysGetAllFilters');
			expect(nodeItems(run.data, 'List keys').map((k) => k.id)).toEqual([5, 6]);
			expect(received(sandbox.requests)).toMatchObject([{ method: 'GET', path: '/v1/persisted_tokens', query: {} }]);
		});

		test('apiKey create: name and expiry in seconds, the new token in the output', async () => {
			const run = await execute('e2eKeyCreate');
			const [created] = nodeItems(run.data, 'Create key');
			expect(created).toMatchObject({ name: 'e2e-created', status: 'active' });
			expect(created.token).toMatch(/^gen_pat_/);
			expect(received(sandbox.requests)).toEqual([
				{
					method: 'POST',
					path: '/v1/persisted_tokens',
					query: {},
					apiKey: sandbox.apiKey,
					authorization: undefined,
					body: { name: 'e2e-created', expires_in: 30 * 86_400 },
				},
			]);
			expect(sandbox.requests[0].headers['content-type']).toMatch(/application\/json/);
			expect(key(created.id)).toMatchObject({ name: 'e2e-created', status: 'active', token: created.token });
		});

		test('apiKey rename', async () => {
			const run = await execute('e2eKeyRename');
			expect(nodeItems(run.data, 'Rename key')).toMatchObject([{ id: 2, name: 'CI Pipeline (renamed)' }]);
			expect(received(sandbox.requests)).toEqual([
				{
					method: 'PATCH',
					path: '/v1/persisted_tokens/2',
					query: {},
					apiKey: sandbox.apiKey,
					authorization: undefined,
					body: { persisted_token: { name: 'CI Pipeline (renamed)' } },
				},
			]);
			expect(key(2)?.name).toBe('CI Pipeline (renamed)');
		});

		test('apiKey revoke', async () => {
			const run = await execute('e2eKeyRevoke');
			expect(nodeItems(run.data, 'Revoke key')).toEqual([{ id: '5', revoked: true }]);
			expect(received(sandbox.requests)).toEqual([
				{ method: 'DELETE', path: '/v1/persisted_tokens/5/revoke', query: {}, apiKey: sandbox.apiKey, authorization: undefined, body: undefined },
			]);
			expect(statuses()).toEqual({ 1: 'active', 2: 'active', 3: 'expired', 4: 'revoked', 5: 'revoked', 6: 'active' });
		});

		test('apiKey revokeAll with Confirm on', async () => {
			const run = await execute('e2eKeysRevokeAll');
			expect(nodeItems(run.data, 'Revoke all keys')).toEqual([{ message: 'Successfully revoked 5 tokens', revoked: true }]);
			expect(received(sandbox.requests)).toEqual([
				{ method: 'DELETE', path: '/v1/persisted_tokens/revoke_all', query: {}, apiKey: sandbox.apiKey, authorization: undefined, body: undefined },
			]);
			expect(new Set(Object.values(statuses()))).toEqual(new Set(['revoked']));
		});

		test('apiKey revokeAll with Confirm off fails before any request', async () => {
			const run = await execute('e2eRevokeAllNoConfirm', false);
			expect(run.data?.status).toBe('error');
			expect(nodeError(run.data, 'Revoke all keys')?.message).toBe('Revoke All was not confirmed');
			expect(run.error).toContain('Revoke All was not confirmed');
			expect(sandbox.requests).toEqual([]);
			expect(statuses()[1]).toBe('active');
		});

		test('workspace getAll', async () => {
			const run = await execute('e2eWorkspacesGetAll');
			expect(nodeItems(run.data, 'List workspaces')).toEqual([
				{ id: 'ws_1', name: 'Marketing' },
				{ id: 'ws_2', name: 'Sales' },
			]);
			expect(received(sandbox.requests)).toEqual([
				{ method: 'GET', path: '/v1/workspaces', query: {}, apiKey: sandbox.apiKey, authorization: undefined, body: undefined },
			]);
		});

		test('agent getAll filtered by workspace', async () => {
			const run = await execute('e2eAgentsGetAllWs2');
			expect(nodeItems(run.data, 'List agents').map((a) => [a.id, a.workspace_id])).toEqual([
				['agent_3', 'ws_2'],
				['agent_4', 'ws_2'],
			]);
			expect(received(sandbox.requests)).toEqual([
				{ method: 'GET', path: '/v1/agents', query: { workspace_id: 'ws_2' }, apiKey: sandbox.apiKey, authorization: undefined, body: undefined },
			]);
		});
	});

	describe('chains', () => {
		test("list keys with the node's status filter (expired) → revoke each", async () => {
			const run = await execute('e2eChainRevokeExpired');
			expect(nodeItems(run.data, 'List expired keys').map((k) => k.id)).toEqual([3]);
			expect(nodeItems(run.data, 'Revoke key')).toEqual([{ id: 3, revoked: true }]);
			expect(received(sandbox.requests).map((r) => `${r.method} ${r.path}`)).toEqual([
				'GET /v1/persisted_tokens',
				'DELETE /v1/persisted_tokens/3/revoke',
			]);
			expect(statuses()).toEqual({ 1: 'active', 2: 'active', 3: 'revoked', 4: 'revoked', 5: 'active', 6: 'active' });
		});

		test("list keys → n8n's Filter node (status is expired) → revoke each", async () => {
			const run = await execute('e2eChainFilterNode');
			expect(nodeItems(run.data, 'List keys')).toHaveLength(6);
			expect(nodeItems(run.data, 'Only expired').map((k) => k.id)).toEqual([3]);
			expect(received(sandbox.requests).map((r) => `${r.method} ${r.path}`)).toEqual([
				'GET /v1/persisted_tokens',
				'DELETE /v1/persisted_tokens/3/revoke',
			]);
			expect(key(3)?.status).toBe('revoked');
		});

		test('rename over several items (every active key)', async () => {
			const run = await execute('e2eRenameMany');
			expect(nodeItems(run.data, 'Rename key').map((k) => [k.id, k.name])).toEqual([
				[1, 'n8n-production (audited)'],
				[2, 'CI Pipeline (audited)'],
				[5, 'never-used (audited)'],
				[6, 'rotation-2026-01-01 (audited)'],
			]);
			expect(received(sandbox.requests)[0]).toMatchObject({ method: 'GET', path: '/v1/persisted_tokens' });
			expect(sorted(received(sandbox.requests).slice(1))).toEqual(
				[
					[1, 'n8n-production'],
					[2, 'CI Pipeline'],
					[5, 'never-used'],
					[6, 'rotation-2026-01-01'],
				].map(([id, name]) => ({
					method: 'PATCH',
					path: `/v1/persisted_tokens/${id}`,
					query: {},
					apiKey: sandbox.apiKey,
					authorization: undefined,
					body: { persisted_token: { name: `${name} (audited)` } },
				})),
			);
		});
	});

	describe('content production', () => {
		test('template clone → the empty Script cells (Cell > Get Many) → Cell > Update each', async () => {
			const run = await execute('e2eContentTemplateToCells');
			expect(run.data.status).toBe('success');
			const [engine] = nodeItems(run.data, 'Clone template');
			expect(engine.spreadsheet_columns.map((c: { title: string }) => c.title)).toEqual(['Hook', 'Script', 'Voiceover', 'Final Video']);
			const empty = nodeItems(run.data, 'Empty scripts');
			expect(empty).toHaveLength(1);
			expect(empty[0]).toMatchObject({ row_position: 1, column_name: 'Script', value: null });
			const cellId = empty[0].cell_id;
			expect(nodeItems(run.data, 'Write script')).toMatchObject([{ id: cellId, value: 'Script for row 1, written by n8n' }]);
			expect(received(sandbox.requests).map((r) => [r.method, r.path, r.query, r.body])).toEqual([
				['POST', '/v1/templates/spreadsheets/ugc-script-to-video/clone', {}, { agent_id: 'agent_1' }],
				['GET', `/v1/vidsheet/${engine.id}`, { agent_id: 'agent_1' }, undefined],
				// Cell > Update goes through GEN's batched path (one request for all the items).
				[
					'POST',
					'/v1/vidsheet/actions',
					{},
					{
						agent_id: 'agent_1',
						actions: [
							{
								action: 'update',
								target: { kind: 'cell', vidsheet_id: engine.id, id: cellId },
								values: { value: 'Script for row 1, written by n8n' },
							},
						],
					},
				],
			]);
			expect(received(sandbox.requests).every((r) => r.apiKey === sandbox.apiKey)).toBe(true);
		});
	});

	describe('errors', () => {
		test('Continue On Fail on: the failing item carries GEN\'s error, the others go through', async () => {
			const run = await execute('e2eErrorContinue');
			expect(run.data.status).toBe('success');
			const items = nodeItems(run.data, 'Revoke key');
			expect(items).toHaveLength(3);
			expect(items[0]).toEqual({ id: 5, revoked: true });
			expect(String(items[1].error)).toContain('GEN API error 404: API key not found [not_found]');
			expect(items[2]).toEqual({ id: 6, revoked: true });
			expect(sorted(received(sandbox.requests).map((r) => `${r.method} ${r.path}`))).toEqual([
				'DELETE /v1/persisted_tokens/5/revoke',
				'DELETE /v1/persisted_tokens/6/revoke',
				'DELETE /v1/persisted_tokens/999/revoke',
			]);
		});

		test("Continue On Fail off: the run fails with GEN's error text", async () => {
			const run = await execute('e2eErrorStop', false);
			expect(run.data?.status).toBe('error');
			expect(runError(run.data)).toMatchObject({
				name: 'NodeApiError',
				message: 'GEN API error 404: API key not found [not_found]',
				description: expect.stringContaining('GEN has no such API key'),
			});
			expect(run.error).toContain('GEN API error 404: API key not found [not_found]');
			expect(received(sandbox.requests).map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /v1/persisted_tokens/999/revoke']);
		});

		test('a wrong API key fails with GEN\'s 401 text and advice', async () => {
			const run = await execute('e2eErrorUnauthorized', false);
			expect(runError(run.data)).toMatchObject({
				message: 'GEN API error 401: Invalid or missing API key [unauthorized]',
				description: expect.stringContaining('paste a valid key'),
				// What the editor's error panel shows: "Error code" is httpCode, "Error data" context.data.
				httpCode: '401',
				context: expect.objectContaining({ data: { status: 401, error_code: 'unauthorized' } }),
			});
			expect(sandbox.requests.length).toBeGreaterThanOrEqual(1);
			expect(received(sandbox.requests).every((r) => r.path === '/v1/me' && r.apiKey === WRONG_KEY)).toBe(true);
		});

		test('a workflow whose only trigger is a Schedule Trigger cannot be run by `n8n execute`', async () => {
			// Why the examples carry a "Run now" manual trigger next to their schedule.
			const run = await execute('e2eScheduleListKeys', false);
			expect(run.error).toContain('Missing node to start execution');
			expect(sandbox.requests).toEqual([]);
		});
	});

	describe('examples/', () => {
		test('every example uses the installed node types and the "GEN account" credential by name', () => {
			for (const { file, workflow } of examples) {
				const genNodes = workflow.nodes.filter((node: { type: string }) => node.type.includes('gen'));
				expect(genNodes.length).toBeGreaterThan(0);
				for (const node of genNodes) {
					expect([file, ['n8n-nodes-gen.gen', 'n8n-nodes-gen.genTrigger'].includes(node.type)]).toEqual([file, true]);
					expect([file, node.credentials]).toEqual([file, { genApi: { id: null, name: 'GEN account' } }]);
				}
				expect(workflow.id).toBeUndefined();
			}
		});

		test('weekly key audit revokes the active keys unused for 90 days or never used, and sums up', async () => {
			// The seed's last-use dates are fixed; keep key 2 ("CI Pipeline") recently used whatever today is.
			key(2)!.last_used_at = new Date(Date.now() - 7 * 86_400_000).toISOString();
			const run = await execute('exWeeklyKeyAudit');
			expect(nodeItems(run.data, 'Find stale keys').map((k) => k.id)).toEqual([5, 6]);
			const requests = received(sandbox.requests).map((r) => `${r.method} ${r.path} ${r.apiKey === sandbox.apiKey}`);
			expect(requests[0]).toBe('GET /v1/persisted_tokens true');
			expect(sorted(requests.slice(1))).toEqual([
				'DELETE /v1/persisted_tokens/5/revoke true',
				'DELETE /v1/persisted_tokens/6/revoke true',
			]);
			expect(statuses()).toEqual({ 1: 'active', 2: 'active', 3: 'expired', 4: 'revoked', 5: 'revoked', 6: 'revoked' });
			const [summary] = nodeItems(run.data, 'Summary');
			expect(summary).toMatchObject({
				unusedForDays: 90,
				revokedCount: 2,
				revoked: [
					{ id: 5, name: 'never-used', lastUsedAt: null },
					{ id: 6, name: 'rotation-2026-01-01', lastUsedAt: '2025-06-01T12:00:00.000Z' },
				],
			});

			// A second run finds nothing stale: no revocation, a summary that says so.
			sandbox.clearRequests();
			const again = await execute('exWeeklyKeyAudit');
			expect(received(sandbox.requests).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/persisted_tokens']);
			expect(nodeItems(again.data, 'Summary')).toMatchObject([{ revokedCount: 0, revoked: [] }]);
		});

		test("key rotation creates today's rotation key and revokes the older rotation keys only", async () => {
			const before = todayUtc();
			const run = await execute('exKeyRotation');
			const today = [before, todayUtc()];
			const [created] = nodeItems(run.data, 'Create new key');
			expect(today).toContain(created.name.replace('rotation-', ''));
			expect(created.token).toMatch(/^gen_pat_/);
			expect(received(sandbox.requests)).toEqual([
				{
					method: 'POST',
					path: '/v1/persisted_tokens',
					query: {},
					apiKey: sandbox.apiKey,
					authorization: undefined,
					body: { name: created.name, expires_in: 90 * 86_400 },
				},
				{ method: 'GET', path: '/v1/persisted_tokens', query: {}, apiKey: sandbox.apiKey, authorization: undefined, body: undefined },
				{ method: 'DELETE', path: '/v1/persisted_tokens/6/revoke', query: {}, apiKey: sandbox.apiKey, authorization: undefined, body: undefined },
			]);
			expect(nodeItems(run.data, 'Revoke old key')).toEqual([{ id: 6, revoked: true }]);
			expect(statuses()).toEqual({ 1: 'active', 2: 'active', 3: 'expired', 4: 'revoked', 5: 'active', 6: 'revoked', [created.id]: 'active' });
		});

		test('who am I: current user, then workspaces, then the agents of each workspace', async () => {
			const run = await execute('exWhoAmI');
			expect(nodeItems(run.data, 'Current user')).toMatchObject([{ id: 'user_abc123', email: 'you@example.com' }]);
			expect(nodeItems(run.data, 'Workspaces').map((w) => w.id)).toEqual(['ws_1', 'ws_2']);
			expect(nodeItems(run.data, 'Agents').map((a) => [a.id, a.workspace_id])).toEqual([
				['agent_1', 'ws_1'],
				['agent_2', 'ws_1'],
				['agent_3', 'ws_2'],
				['agent_4', 'ws_2'],
			]);
			const requests = received(sandbox.requests).map((r) => [r.method, r.path, r.query, r.apiKey === sandbox.apiKey]);
			expect(requests.slice(0, 2)).toEqual([
				['GET', '/v1/me', {}, true],
				['GET', '/v1/workspaces', {}, true],
			]);
			expect(sorted(requests.slice(2))).toEqual([
				['GET', '/v1/agents', { workspace_id: 'ws_1' }, true],
				['GET', '/v1/agents', { workspace_id: 'ws_2' }, true],
			]);
		});

		test("fill empty script cells: GEN writes each empty Script cell and the node waits for it (GEN's n8n guide)", async () => {
			const run = await execute('exFillScripts');
			const found = nodeItems(run.data, 'Empty Script cells');
			expect(found.map((cell) => cell.cell_id)).toEqual([...sandbox.seed.emptyScriptCells]);
			expect(nodeItems(run.data, 'Write script').map((generation) => generation.status)).toEqual(['completed', 'completed']);
			expect(nodeItems(run.data, 'Summary')).toEqual([{ written: 2, failed: [] }]);
			const requests = received(sandbox.requests);
			expect(sorted(requests.filter((r) => r.method === 'POST').map((r) => `${r.path} ${r.query.agent_id} ${r.apiKey === sandbox.apiKey}`))).toEqual([
				'/v1/vidsheet/101/cells/4022/generate agent_1 true',
				'/v1/vidsheet/101/cells/4032/generate agent_1 true',
			]);
			expect(requests.some((r) => r.method === 'GET' && r.path.startsWith('/v1/generations/'))).toBe(true);
		});

		test('fill empty script cells on a day with no empty cell: one summary, written 0, no generation started', async () => {
			await execute('exFillScripts');
			sandbox.clearRequests();
			const run = await execute('exFillScripts');
			expect(nodeItems(run.data, 'Summary')).toEqual([{ written: 0, failed: [] }]);
			expect(received(sandbox.requests).filter((r) => r.method === 'POST')).toEqual([]);
		});

		test('weekly ideas to vidsheets: trends, ideas on them, the ones with a hook approved and made into vidsheets', async () => {
			const run = await execute('exWeeklyIdeas');
			const ideas = nodeItems(run.data, 'Generate ideas');
			expect(ideas).toHaveLength(5);
			const withHook = ideas.filter((idea) => idea.hook !== '').map((idea) => idea.id);
			expect(withHook.length).toBeGreaterThan(0);
			expect(withHook.length).toBeLessThan(ideas.length);
			expect(nodeItems(run.data, 'Has a hook?').map((idea) => idea.id)).toEqual(withHook);
			expect(nodeItems(run.data, 'Approve to create').map((idea) => [idea.id, idea.status])).toEqual(withHook.map((id) => [id, 'approve_to_create']));
			expect(nodeItems(run.data, 'Create video').map((video) => video.idea_id)).toEqual(withHook);
			const lines = sandbox.agent.requests.map((r) => `${r.method} ${r.path} ${r.headers['x-api-key'] === sandbox.apiKey}`);
			expect(lines[0]).toBe('POST /v1/analyze/trends true');
			expect(sorted(lines.filter((line) => /^(PUT|POST \/v1\/ideas\/\d)/.test(line)))).toEqual(
				sorted(withHook.flatMap((id) => [`PUT /v1/agent/ideas/${id}/status/approve_to_create true`, `POST /v1/ideas/${id}/create-video true`])),
			);
			const generate = sandbox.agent.requests.find((r) => r.path === '/v1/ideas/generate');
			expect((generate?.body as { brief?: string } | undefined)?.brief).toContain(JSON.stringify(nodeItems(run.data, "This week's trends")[0]));
			// Every request went to the agent host: the main API saw none.
			expect(sandbox.requests).toEqual([]);
		});

		test("trend to posted video: GEN's whole journey — idea, vidsheet, script, speech, render, published on YouTube and TikTok, one summary", async () => {
			const run = await execute('exTrendToPost');
			const [idea] = nodeItems(run.data, 'Generate idea');
			const [render] = nodeItems(run.data, 'Render video');
			expect(render.status).toBe('completed');
			const [summary, ...more] = nodeItems(run.data, 'Summary');
			expect(more).toEqual([]);
			expect(summary).toMatchObject({ idea: idea.title, vidsheet_id: nodeItems(run.data, 'Clone template')[0].id, post_id: expect.any(Number) });
			expect(Object.keys(summary.published).sort()).toEqual(['tiktok', 'youtube']);
			const publishes = received(sandbox.requests).filter((r) => r.path === '/v1/schedule/with-post');
			expect(publishes).toHaveLength(1);
			expect(publishes[0]).toMatchObject({ method: 'POST', apiKey: sandbox.apiKey, body: { platform: ['youtube', 'tiktok'], schedule_type: 'now', media_url: render.output_resources[0].url } });
			expect(sandbox.agent.requests.map((r) => `${r.method} ${r.path}`)[0]).toBe('POST /v1/ideas/generate');
		});

		test('idea to video: clone, script, speech, render, and the MP4 handed on as binary data', async () => {
			const run = await execute('exIdeaToVideo');
			const [render] = nodeRuns(run.data, 'Render video')[0].data.main[0];
			expect(render.json.status).toBe('completed');
			const video = render.binary.video;
			expect(video).toMatchObject({ mimeType: 'video/mp4', fileExtension: 'mp4' });
			const url = render.json.output_resources[0].url;
			const expected = Buffer.from(await (await fetch(url)).arrayBuffer());
			expect(await binaryBytes(app, video)).toEqual(expected);
			// The CDN saw the download without any GEN credential (and refuses one).
			expect(sandbox.cdn.requests.filter((r) => r.path.endsWith('.mp4')).every((r) => !r.headers['x-api-key'])).toBe(true);
			expect(received(sandbox.requests).map((r) => `${r.method} ${r.path}`)).toEqual(
				expect.arrayContaining([
					'POST /v1/templates/spreadsheets/ugc-script-to-video/clone',
					'POST /v1/vidsheet/actions',
					expect.stringMatching(/^POST \/v1\/vidsheet\/\d+\/cells\/\d+\/generate$/),
					expect.stringMatching(/^POST \/v1\/vidsheet\/\d+\/cells\/\d+\/render$/),
				]),
			);
		});
	});
});
