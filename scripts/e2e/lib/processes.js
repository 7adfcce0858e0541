// @ts-check
'use strict';

/**
 * Process control for everything the e2e library starts (n8n, npm, tar, the installer).
 * Types: the JSDoc here (checked by tsc).
 *
 * Every child process runs in its own process group and is remembered until it exits; stop()
 * and stopAll() kill the whole group (n8n's task runners too), and so do handlers on process
 * exit, SIGINT, SIGTERM and SIGHUP (installed with the first child).
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');

/**
 * @typedef {object} RunResult
 * @property {number | null} code
 * @property {string | null} signal
 * @property {string} stdout
 * @property {string} stderr
 * @property {number} durationMs
 * @property {boolean} timedOut
 */

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
/** When each child exited: its group ID is only signalled shortly after (PIDs get reused). */
const exitTimes = new WeakMap();
/** Temp folders removed when the process exits (the packed tarball's). */
const tempDirs = new Set();
let exitHandlersInstalled = false;

/**
 * Signals a child's whole process group (also after the child itself exited: grandchildren).
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} signal
 */
function killGroup(child, signal) {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// group gone
	}
}

function installExitHandlers() {
	if (exitHandlersInstalled) return;
	exitHandlersInstalled = true;
	process.on('exit', () => {
		for (const child of children) killGroup(child, 'SIGKILL');
		for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
	});
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
		process.once(signal, () => {
			for (const child of children) killGroup(child, 'SIGKILL');
			process.exit(signal === 'SIGINT' ? 130 : 143);
		});
	}
}

/**
 * Removes a folder when this process exits (and installs the exit handlers).
 * @param {string} dir
 */
function removeOnExit(dir) {
	installExitHandlers();
	tempDirs.add(dir);
}

/**
 * Spawns a tracked child in its own process group.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} options
 */
function spawnTracked(command, args, options) {
	installExitHandlers();
	const child = spawn(command, args, { ...options, detached: true });
	children.add(child);
	child.once('exit', () => {
		exitTimes.set(child, Date.now());
		children.delete(child);
	});
	child.once('error', () => children.delete(child));
	return child;
}

/**
 * SIGTERM to the child's process group, SIGKILL after `graceMs`; resolves when it has exited.
 * @param {import('node:child_process').ChildProcess} child
 */
async function stopProcess(child, graceMs = 5000) {
	if (child.exitCode === null && child.signalCode === null) {
		const exited = new Promise((resolve) => child.once('exit', resolve));
		killGroup(child, 'SIGTERM');
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
		await exited;
		clearTimeout(timer);
	}
	// n8n may leave runner children in the group: make sure nothing of it survives (but never
	// signal a group ID long after its leader exited: the PID may belong to someone else now).
	if (Date.now() - (exitTimes.get(child) ?? Date.now()) < 2000) killGroup(child, 'SIGKILL');
	children.delete(child);
}

/**
 * Keeps the last `maxChars` of a child's stdout and stderr; returns a function that reads them.
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} maxChars
 * @returns {() => string}
 */
function captureOutput(child, maxChars) {
	let output = '';
	const keep = (/** @type {string} */ chunk) => {
		output = (output + chunk).slice(-maxChars);
	};
	child.stdout?.setEncoding('utf8').on('data', keep);
	child.stderr?.setEncoding('utf8').on('data', keep);
	return () => output;
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Kills every process this module started that is still running. */
async function stopAll() {
	await Promise.all([...children].map((child) => stopProcess(child, 3000)));
}

/**
 * Runs a command to completion (tracked, killed on timeout).
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number, stdin?: string, stderr?: 'pipe' | 'inherit' }} [options]
 * @returns {Promise<RunResult>}
 */
function run(command, args, options = {}) {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawnTracked(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', options.stderr ?? 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout?.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
		child.stderr?.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
		if (options.stdin !== undefined) child.stdin?.end(options.stdin);
		const timer =
			options.timeoutMs === undefined
				? undefined
				: setTimeout(() => {
						timedOut = true;
						void stopProcess(child, 2000);
					}, options.timeoutMs);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.once('close', (code, signal) => {
			clearTimeout(timer);
			// the group may still hold grandchildren (e.g. n8n's task runner)
			killGroup(child, 'SIGKILL');
			resolve({ code, signal, stdout, stderr, durationMs: Date.now() - started, timedOut });
		});
	});
}

/**
 * Resolves to a TCP port that is free on 127.0.0.1 right now.
 * @returns {Promise<number>}
 */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

module.exports = { spawnTracked, stopProcess, stopAll, run, freePort, removeOnExit, captureOutput, sleep };
