/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs the guard script in Node, not inside n8n */
/**
 * .ci/publish-guard.js (package.json prepublishOnly and prepack): a local `npm publish` stops with
 * a pointer to the tag workflow; the publish workflow on a v* tag and a plain `npm pack` pass.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const guard = resolve(__dirname, '../.ci/publish-guard.js');
const PUBLISH_WORKFLOW_REF = 'gen-pro/n8n-nodes-gen/.github/workflows/publish.yml@refs/tags/v0.2.0';

function runGuard(env: Record<string, string>) {
	const clean = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !key.startsWith('GITHUB_') && !key.startsWith('npm_')),
	);
	const result = spawnSync(process.execPath, [guard], { env: { ...clean, ...env }, encoding: 'utf8' });
	return { code: result.status, stderr: result.stderr };
}

describe('publish guard', () => {
	it.each([
		['npm publish (prepublishOnly)', { npm_lifecycle_event: 'prepublishOnly', npm_command: 'publish' }],
		['npm publish (prepack)', { npm_lifecycle_event: 'prepack', npm_command: 'publish' }],
	])('refuses a local %s and points at the tag workflow', (_case, env) => {
		const { code, stderr } = runGuard(env);
		expect(code).toBe(1);
		expect(stderr).toContain('.github/workflows/publish.yml');
		expect(stderr).toContain('git push origin main --follow-tags');
	});

	it.each([
		['another workflow', { GITHUB_ACTIONS: 'true', GITHUB_WORKFLOW_REF: 'gen-pro/n8n-nodes-gen/.github/workflows/ci.yml@refs/heads/main' }],
		['publish.yml on a branch', { GITHUB_ACTIONS: 'true', GITHUB_WORKFLOW_REF: 'gen-pro/n8n-nodes-gen/.github/workflows/publish.yml@refs/heads/main' }],
		['the workflow ref without GITHUB_ACTIONS', { GITHUB_WORKFLOW_REF: PUBLISH_WORKFLOW_REF }],
	])('refuses %s', (_case, env) => {
		expect(runGuard({ npm_lifecycle_event: 'prepack', npm_command: 'publish', ...env }).code).toBe(1);
	});

	it('lets the publish workflow on a v* tag through', () => {
		const env = { GITHUB_ACTIONS: 'true', GITHUB_WORKFLOW_REF: PUBLISH_WORKFLOW_REF };
		expect(runGuard({ npm_lifecycle_event: 'prepublishOnly', npm_command: 'publish', ...env })).toEqual({ code: 0, stderr: '' });
		expect(runGuard({ npm_lifecycle_event: 'prepack', npm_command: 'publish', ...env })).toEqual({ code: 0, stderr: '' });
	});

	it('lets npm pack through (npm run dev and the end-to-end tests pack the package)', () => {
		expect(runGuard({ npm_lifecycle_event: 'prepack', npm_command: 'pack' })).toEqual({ code: 0, stderr: '' });
	});
});
