// @ts-check
'use strict';

/**
 * This package inside n8n the way users get it: `npm pack` of the repository, a fresh n8n user
 * folder, and the tarball installed into it like n8n's own community-package install.
 * Types: the JSDoc here.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { repoRoot } = require('./install');
const { run, removeOnExit } = require('./processes');

const PACKAGE_NAME = 'n8n-nodes-gen';
/** Node type of the GEN node when the package is installed like a user install. */
const NODE_TYPE = `${PACKAGE_NAME}.gen`;

/** @type {Promise<string> | undefined} */
let packed;

/**
 * `npm pack`s the repository (build first: dist/ must be current) into a temp folder once per
 * process; resolves to the tarball path.
 * @param {{ force?: boolean }} [options]
 */
function packPackage(options = {}) {
	if (!packed || options.force) {
		packed = (async () => {
			const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `${PACKAGE_NAME}-pack-`));
			removeOnExit(outDir);
			if (!fs.existsSync(path.join(repoRoot, 'dist/nodes/Gen/Gen.node.js'))) {
				throw new Error('dist/ is missing: run `npm run build` first');
			}
			const result = await run('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: repoRoot, timeoutMs: 120_000 });
			if (result.code !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
			const json = result.stdout.slice(result.stdout.indexOf('['));
			const [{ filename }] = JSON.parse(json);
			return path.join(outDir, path.basename(filename));
		})();
		packed.catch(() => (packed = undefined));
	}
	return packed;
}

/**
 * A new, empty n8n user folder (N8N_USER_FOLDER; n8n keeps its data in `<folder>/.n8n`).
 * @param {string} [label]
 */
function createUserFolder(label = 'n8n') {
	return fs.mkdtempSync(path.join(os.tmpdir(), `${PACKAGE_NAME}-e2e-${label}-`));
}

/**
 * Installs a package tarball the way n8n's CommunityPackagesService does: unpacked into
 * `<userFolder>/.n8n/nodes/node_modules/<name>` (tar --strip-components=1), dev/peer/optional
 * dependencies dropped from its package.json, `npm install` of its dependencies with n8n's flags,
 * and the package recorded in `<userFolder>/.n8n/nodes/package.json`.
 * @param {string} userFolder
 * @param {string} tarball
 * @returns {Promise<string>} the package directory
 */
async function installPackageTarball(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n/nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	const tar = await run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	if (tar.code !== 0) throw new Error(`tar failed: ${tar.stderr}`);
	const packageJsonPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...packageJson } = JSON.parse(
		fs.readFileSync(packageJsonPath, 'utf8'),
	);
	fs.writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));
	if (packageJson.dependencies && Object.keys(packageJson.dependencies).length > 0) {
		const args = ['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'];
		const npm = await run('npm', args, { cwd: packageDir, timeoutMs: 300_000 });
		if (npm.code !== 0) throw new Error(`npm install in ${packageDir} failed:\n${npm.stderr}`);
	}
	const ledger = path.join(nodesDir, 'package.json');
	const nodesPackage = fs.existsSync(ledger)
		? JSON.parse(fs.readFileSync(ledger, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	nodesPackage.dependencies = { ...nodesPackage.dependencies, [packageJson.name]: packageJson.version };
	fs.writeFileSync(ledger, JSON.stringify(nodesPackage, null, 2));
	return packageDir;
}

module.exports = { PACKAGE_NAME, NODE_TYPE, packPackage, createUserFolder, installPackageTarball };
