/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code reads the repository and runs npm, not inside n8n */
/**
 * The release as npm and GitHub show it: package.json's version is the newest CHANGELOG release,
 * dated, linked and saying what it means for saved workflows; a real `npm publish` from this
 * machine is refused by the guard before anything is packed for the registry.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './harness/n8n';

const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const changelog = readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8');
const releases = [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$/gm)].map(([, version, date]) => ({ version, date }));

describe('release', () => {
	it("package.json's version is the newest dated CHANGELOG release, below an Unreleased section", () => {
		expect(releases[0]?.version).toBe(packageJson.version);
		expect(Number.isNaN(Date.parse(releases[0].date))).toBe(false);
		expect(changelog.indexOf('## [Unreleased]')).toBeLessThan(changelog.indexOf(`## [${packageJson.version}]`));
		expect(changelog).toContain(`[${packageJson.version}]: https://github.com/gen-pro/n8n-nodes-gen/`);
		expect(changelog).toContain(`[Unreleased]: https://github.com/gen-pro/n8n-nodes-gen/compare/v${packageJson.version}...HEAD`);
	});

	it('the newest release says what it means for workflows saved with the one before', () => {
		const newest = changelog.slice(changelog.indexOf(`## [${packageJson.version}]`), changelog.indexOf(`## [${releases[1].version}]`));
		expect(newest).toContain(`### Saved workflows from ${releases[1].version}`);
	});

	it('a local npm publish is refused by the guard', () => {
		const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GITHUB_') && !key.startsWith('npm_')));
		const result = spawnSync('npm', ['publish', '--dry-run'], { cwd: repoRoot, env, encoding: 'utf8', timeout: 120_000 });
		expect(result.status).not.toBe(0);
		expect(result.stderr + result.stdout).toContain('n8n-nodes-gen is published only by the tag workflow');
	});
});
