#!/usr/bin/env node
/**
 * `npm run scan` (part of `npm test`): n8n's community package scanner, offline.
 *
 * `npx @n8n/scan-community-package n8n-nodes-gen` downloads a published version from npm, checks
 * its provenance, fetches the attested GitHub source, and lints two things with its own ESLint
 * config (`buildScanConfig`, with its own pinned rule sets): the source's package.json and
 * nodes/ + credentials/ (`SOURCE_FILE_PATTERNS`), and the tarball's compiled `**\/*.js` and
 * package.json. This script runs those two legs on what would be published now — `npm pack` of
 * this checkout (build first) and this checkout's sources — through the scanner's own exported
 * functions, so the rules, parser and options are exactly the scanner's. The scanner passes a
 * leg on 0 errors; this script also fails on warnings. Provenance can only be checked once
 * published (the publish workflow signs it).
 *
 * It also checks that the tarball holds only dist/, README.md, LICENSE, CHANGELOG.md and
 * package.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scannerPath = createRequire(import.meta.url).resolve('@n8n/scan-community-package/scanner/scanner.mjs');
const { analyzePackage, buildScanConfig, SOURCE_FILE_PATTERNS } = await import(scannerPath);
// ESLint and fast-glob as the scanner resolves them (its own pinned versions).
const scannerRequire = createRequire(scannerPath);
const { ESLint } = scannerRequire('eslint');
const glob = scannerRequire('fast-glob');

const ALLOWED_IN_TARBALL = /^(dist\/.+|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-scan-'));
let failed = false;
try {
	if (!fs.existsSync(path.join(repoRoot, 'dist/nodes/Gen/Gen.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--silent', '--pack-destination', work], {
			cwd: repoRoot,
			encoding: 'utf8',
		}),
	);
	const stray = packed.files.map((file) => file.path).filter((file) => !ALLOWED_IN_TARBALL.test(file));
	if (stray.length > 0) {
		failed = true;
		console.error(`npm pack: files outside dist/, README.md, LICENSE, CHANGELOG.md, package.json:\n  ${stray.join('\n  ')}`);
	}
	for (const required of ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json', 'dist/nodes/Gen/Gen.node.js']) {
		if (!packed.files.some((file) => file.path === required)) {
			failed = true;
			console.error(`npm pack: ${required} is missing from the tarball`);
		}
	}

	const packageDir = path.join(work, 'package');
	fs.mkdirSync(packageDir);
	execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', packageDir, '--strip-components=1']);

	const legs = [
		{ name: `source (${SOURCE_FILE_PATTERNS.join(', ')})`, dir: repoRoot, patterns: SOURCE_FILE_PATTERNS },
		{ name: `tarball ${packed.filename} (**/*.js, package.json)`, dir: packageDir, patterns: ['**/*.js', 'package.json'] },
	];
	for (const leg of legs) {
		// The scanner's verdict, through its own function...
		const verdict = await analyzePackage(leg.dir, leg.patterns);
		// ...and the same lint run again (same options as analyzePackage) to count warnings too.
		const eslint = new ESLint({
			cwd: leg.dir,
			allowInlineConfig: false,
			overrideConfigFile: true,
			overrideConfig: await buildScanConfig(),
		});
		const files = glob.sync(leg.patterns, {
			cwd: leg.dir,
			absolute: true,
			ignore: ['node_modules/**', '**/package-lock.json'],
		});
		const results = await eslint.lintFiles(files);
		const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
		const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
		console.log(
			`scanner rule sets, ${leg.name}: ${files.length} files, ${errors} errors, ${warnings} warnings; scanner verdict: ${verdict.passed ? 'passed' : `FAILED (${verdict.message})`}`,
		);
		if (errors + warnings > 0 || !verdict.passed || files.length === 0) {
			failed = true;
			const formatter = await eslint.loadFormatter('stylish');
			console.error(await formatter.format(results));
		}
	}
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
if (failed) {
	console.error('scan: FAILED');
	process.exit(1);
}
console.log('scan: the package passes the community package scanner rule sets (0 errors, 0 warnings)');
