// @ts-check
'use strict';

/**
 * A throwaway Redis for n8n's queue mode (./queue.js): Debian's `redis-server` on a free
 * 127.0.0.1 port, no persistence. Types: the JSDoc here.
 */

const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawnTracked, stopProcess, freePort, captureOutput, sleep } = require('./processes');

/**
 * @typedef {object} Redis
 * @property {number} port
 * @property {import('node:child_process').ChildProcess} process
 * @property {() => string} output
 * @property {(command: string) => Promise<string>} command  one inline command, resolves to the first reply line (e.g. '+PONG')
 * @property {() => Promise<void>} stop
 */

/**
 * Sends one inline Redis command and resolves to the first reply line.
 * @param {number} port
 * @param {string} command
 * @returns {Promise<string>}
 */
function redisCommand(port, command) {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let reply = '';
		socket.setTimeout(2000, () => socket.destroy(new Error('redis: timeout')));
		socket.once('error', reject);
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			const end = reply.indexOf('\r\n');
			if (end !== -1) {
				socket.end();
				resolve(reply.slice(0, end));
			}
		});
		socket.once('connect', () => socket.write(`${command}\r\n`));
	});
}

/**
 * Starts `redis-server` on a free 127.0.0.1 port without persistence (Debian's package: run
 * .ci/redis.sh first). Resolves when it answers PING.
 * @param {{ port?: number, timeoutMs?: number }} [options]
 * @returns {Promise<Redis>}
 */
async function startRedis(options = {}) {
	const binary = findOnPath('redis-server');
	if (!binary) throw new Error('redis-server is not installed: run .ci/redis.sh (Debian package redis-server)');
	const port = options.port ?? (await freePort());
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-gen-redis-'));
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'];
	const child = spawnTracked(binary, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
	const output = captureOutput(child, 20_000);
	const stop = async () => {
		await stopProcess(child, 3000);
		fs.rmSync(dir, { recursive: true, force: true });
	};
	const deadline = Date.now() + (options.timeoutMs ?? 15_000);
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) {
			fs.rmSync(dir, { recursive: true, force: true });
			throw new Error(`redis-server exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
		}
		try {
			if ((await redisCommand(port, 'PING')) === '+PONG') break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`redis-server did not answer PING on ${port}:\n${output()}`);
		}
		await sleep(100);
	}
	return { port, process: child, output, command: (/** @type {string} */ c) => redisCommand(port, c), stop };
}

/** @param {string} name */
function findOnPath(name) {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/sbin', '/usr/local/bin'])) {
		const file = path.join(dir, name);
		try {
			fs.accessSync(file, fs.constants.X_OK);
			return file;
		} catch {
			// next
		}
	}
	return undefined;
}

module.exports = { startRedis };
