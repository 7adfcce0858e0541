// @ts-check
'use strict';

// Facts `npm run bench` reports beside its runs: the package (size, load time), evaluations
// through n8n-core, the fetch floor's child process, the PostgreSQL and Redis versions.

const { fork, execFile, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const n8n = require('../../scripts/e2e/lib/n8n');
const { repoRoot, LOAD_RUNS, stats } = require('./common');

const benchDir = path.join(__dirname, '..');

async function packageFacts() {
	const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
	const tarball = await n8n.packPackage({ force: true });
	const dry = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
	/** @type {{ requireCoreMs: number, loadMs: number, nodes: number, credentials: number }[]} */
	const loads = [];
	for (let i = 0; i < LOAD_RUNS; i++) {
		const out = execFileSync(process.execPath, [path.join(benchDir, 'load-package.js'), repoRoot], { cwd: repoRoot, encoding: 'utf8' });
		loads.push(JSON.parse(out.trim().split('\n').pop() ?? '{}'));
	}
	return {
		tarball,
		tarballBytes: fs.statSync(tarball).size,
		unpackedBytes: dry.unpackedSize,
		files: dry.entryCount,
		runtimeDependencies: Object.keys(pkg.dependencies ?? {}).length,
		bundledDependencies: (pkg.bundleDependencies ?? pkg.bundledDependencies ?? []).length,
		load: stats(loads.map((l) => l.loadMs)),
		requireCore: stats(loads.map((l) => l.requireCoreMs)),
		loaded: loads[0],
	};
}

// ---------------------------------------------------------------------------------------------
// evaluations per item through n8n-core (bench/evaluations.js in a child process on this Node)
// ---------------------------------------------------------------------------------------------

/** @returns {Promise<{ items: number, operations: any[], bench: Record<string, number | string> }>} */
function harnessEvaluations() {
	return new Promise((resolve, reject) => {
		execFile(process.execPath, [path.join(benchDir, 'evaluations.js'), '--json'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
			if (error) return reject(new Error(`bench/evaluations.js: ${error.message}\n${stderr}`));
			const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
			const failed = Object.entries(result.bench).filter(([, v]) => typeof v !== 'number');
			if (failed.length) return reject(new Error(`bench/evaluations.js: ${JSON.stringify(failed)}`));
			resolve(result);
		});
	});
}

// ---------------------------------------------------------------------------------------------
// the floor: plain fetch in a warm child process on n8n's Node
// ---------------------------------------------------------------------------------------------

/** @param {string} nodeBin */
async function startFloor(nodeBin) {
	const child = fork(path.join(benchDir, 'floor.js'), [], { execPath: nodeBin, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	/** @type {Map<number, (msg: any) => void>} */
	const waiting = new Map();
	let nextId = 1;
	/** @type {string} */
	const nodeVersion = await new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('message', (/** @type {any} */ msg) => resolve(msg.node));
	});
	child.on('message', (/** @type {any} */ msg) => {
		const done = waiting.get(msg.id);
		waiting.delete(msg.id);
		done?.(msg);
	});
	return {
		nodeVersion,
		/** @param {object} request @returns {Promise<{ ms: number, ok: number, count: number }>} */
		run: (request) =>
			new Promise((resolve, reject) => {
				const id = nextId++;
				waiting.set(id, (msg) => (msg.error ? reject(new Error(msg.error)) : resolve(msg)));
				child.send({ id, ...request });
			}),
		stop: () => {
			if (child.exitCode === null) child.kill('SIGKILL');
		},
	};
}

function postgresVersion() {
	try {
		const bin = fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))[0];
		return /\d+(\.\d+)*/.exec(execFileSync(`/usr/lib/postgresql/${bin}/bin/postgres`, ['--version'], { encoding: 'utf8' }))?.[0] ?? '';
	} catch {
		return '';
	}
}

function redisVersion() {
	try {
		return /v=(\S+)/.exec(execFileSync('redis-server', ['--version'], { encoding: 'utf8' }))?.[1] ?? '';
	} catch {
		return '';
	}
}

module.exports = { packageFacts, harnessEvaluations, startFloor, postgresVersion, redisVersion };
