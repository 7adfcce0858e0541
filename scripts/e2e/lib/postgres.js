// @ts-check
'use strict';

/**
 * A throwaway PostgreSQL for n8n (queue mode needs one: see ./queue.js). Types: the JSDoc here.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { run, spawnTracked, stopProcess, freePort, captureOutput, sleep } = require('./processes');

/**
 * @typedef {object} Postgres
 * @property {number} port
 * @property {import('node:child_process').ChildProcess} process
 * @property {() => string} output
 * @property {Record<string, string>} env  DB_TYPE=postgresdb and DB_POSTGRESDB_* for n8n (pass to n8n.createInstance({ env }))
 * @property {() => Promise<void>} stop  stops the server and deletes its data folder
 */

/** Newest Debian PostgreSQL server binaries (/usr/lib/postgresql/<major>/bin), or undefined. */
function findPostgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const majors = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin/postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(root, majors[0], 'bin') : undefined;
}

/**
 * Starts a throwaway PostgreSQL server (Debian's package: run .ci/postgres.sh first) on a free
 * 127.0.0.1 port, trust authentication, a fresh data folder, durability off (it is deleted on
 * stop), with an empty database `n8n` owned by user `n8n`. As root, the server runs as the
 * `postgres` system user (PostgreSQL refuses root). `env` is what n8n needs to use it.
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<Postgres>}
 */
async function startPostgres(options = {}) {
	const bin = findPostgresBin();
	if (!bin) throw new Error('PostgreSQL is not installed: run .ci/postgres.sh (Debian package postgresql)');
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-gen-postgres-'));
	const data = path.join(dir, 'data');
	const asRoot = process.getuid?.() === 0;
	/** @param {string} tool */
	const cmd = (tool) => (asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool)]] : [path.join(bin, tool), []]);
	if (asRoot) {
		const ids = await run('id', ['-u', 'postgres']);
		const gids = await run('id', ['-g', 'postgres']);
		if (ids.code !== 0) throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as');
		fs.chownSync(dir, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
	}
	/** @param {string} tool @param {string[]} args */
	const runTool = async (tool, args) => {
		const [command, prefix] = /** @type {[string, string[]]} */ (cmd(tool));
		const result = await run(command, [...prefix, ...args], { cwd: dir, timeoutMs: 60_000 });
		if (result.code !== 0) throw new Error(`${tool} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
		return result;
	};
	try {
		await runTool('initdb', ['-D', data, '-U', 'n8n', '--auth=trust', '--encoding=UTF8', '--no-sync', '--no-instructions']);
	} catch (error) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	const [command, prefix] = /** @type {[string, string[]]} */ (cmd('postgres'));
	const serverArgs = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'];
	const child = spawnTracked(command, [...prefix, ...serverArgs], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
	const output = captureOutput(child, 50_000);
	const stop = async () => {
		await stopProcess(child, 10_000);
		fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
	};
	try {
		const deadline = Date.now() + (options.timeoutMs ?? 30_000);
		for (;;) {
			if (child.exitCode !== null || child.signalCode !== null) throw new Error(`postgres exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
			const ready = await run(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'postgres']);
			if (ready.code === 0) break;
			if (Date.now() > deadline) throw new Error(`postgres not ready on ${port}:\n${output()}`);
			await sleep(200);
		}
		const created = await run(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n']);
		if (created.code !== 0) throw new Error(`createdb failed:\n${created.stderr}`);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		port,
		process: child,
		output,
		/** n8n's database settings for this server */
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_SCHEMA: 'public',
		},
		stop,
	};
}

module.exports = { startPostgres };
