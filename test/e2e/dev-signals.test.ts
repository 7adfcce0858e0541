/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- end-to-end test code: starts and signals processes in Node, not inside n8n */
/**
 * `npm run dev` stops n8n and the GEN sandbox whichever of its processes gets the signal: npm
 * (what process managers and IDEs signal) or the `node scripts/dev.js` process under it, on SIGTERM
 * and SIGINT sent to that single process only (not to a process group, as a terminal's Ctrl-C
 * would), and when npm is killed with SIGKILL (dev.js's parent watchdog).
 *
 * Each case starts `npm run dev` on free ports with a temp user folder (one for all cases, so
 * only the first imports the credential and workflows), waits until it printed that it is ready,
 * records every process under npm (node dev.js, n8n, n8n's task runners), sends the signal, and
 * waits until n8n's and the sandbox's ports are closed and all those processes are gone.
 * dev.js uses n8n 2.x only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as n8n from '../../scripts/e2e/lib/n8n';
import { linesToTest, waitFor } from '../../scripts/e2e/lib/suite';

const withLine2 = linesToTest().some(({ line }) => line === '2');

/** pid → ppid of every process, and the state letter (Z = zombie: exited, not reaped). */
function processTable() {
	const table = new Map<number, { ppid: number; state: string; cmdline: string }>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// "pid (comm) state ppid …": comm may contain spaces and parentheses
			const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
			table.set(Number(entry), { ppid: Number(ppid), state, cmdline });
		} catch {
			// exited meanwhile
		}
	}
	return table;
}

/** Every process under `pid` (children, grandchildren, …), with its command line. */
function descendants(pid: number) {
	const table = processTable();
	const found: Array<{ pid: number; ppid: number; cmdline: string }> = [];
	const queue = [pid];
	while (queue.length > 0) {
		const parent = queue.shift()!;
		for (const [child, info] of table) {
			if (info.ppid === parent) {
				found.push({ pid: child, ppid: parent, cmdline: info.cmdline });
				queue.push(child);
			}
		}
	}
	return found;
}

/** Running (a zombie has exited: only its parent has not collected it yet). */
function isRunning(pid: number) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
	} catch {
		return false;
	}
}

function portIsOpen(port: number) {
	return new Promise<boolean>((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.setTimeout(1000, () => socket.destroy());
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => resolve(false));
	});
}

interface Dev {
	npm: ChildProcess;
	output: () => string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	n8nPort: number;
	sandboxPort: number;
}

(withLine2 ? describe : describe.skip)('npm run dev stops n8n and the sandbox on a signal to one process', () => {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-gen-e2e-dev-'));
	let sandboxPort: number;
	let started: Dev | undefined;
	let tree: Array<{ pid: number; ppid: number; cmdline: string }> = [];

	beforeAll(async () => {
		if (!fs.existsSync(path.join(n8n.repoRoot, 'dist/nodes/Gen/Gen.node.js'))) {
			throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does)');
		}
		await n8n.install('2'); // a cold install takes minutes: not inside a case's timeout
		// One sandbox port for all cases: dev.js then imports the credential only once.
		sandboxPort = await n8n.freePort();
	});

	afterEach(() => {
		// A failed case must not leave anything behind: npm's process group and n8n's own group.
		for (const { pid } of tree) {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// not a group leader, or gone
			}
		}
		if (started?.npm.pid) {
			try {
				process.kill(-started.npm.pid, 'SIGKILL');
			} catch {
				// gone
			}
		}
		started = undefined;
		tree = [];
	});

	afterAll(() => {
		if (process.env.N8N_E2E_KEEP !== '1') fs.rmSync(userFolder, { recursive: true, force: true, maxRetries: 3 });
	});

	async function startDev(): Promise<Dev> {
		const n8nPort = await n8n.freePort();
		const args = ['run', 'dev', '--', '--skip-build', '--port', String(n8nPort), '--sandbox-port', String(sandboxPort), '--user-folder', userFolder];
		// Own process group (so afterEach can clean up); signals in the cases go to one pid only.
		const npm = spawn('npm', args, { cwd: n8n.repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		npm.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		npm.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
			npm.once('exit', (code, signal) => resolve({ code, signal })),
		);
		const dev = { npm, output: () => output, exited, n8nPort, sandboxPort };
		started = dev;
		await waitFor(
			() => {
				if (npm.exitCode !== null || npm.signalCode !== null) {
					throw new Error(`npm run dev exited (${npm.exitCode ?? npm.signalCode}) before it was ready:\n${output.slice(-6000)}`);
				}
				return /ready in [\d.]+ s/.test(output);
			},
			{ timeoutMs: 240_000, intervalMs: 500, what: `npm run dev to be ready; output so far:\n${output.slice(-3000)}` },
		);
		return dev;
	}

	test.each([
		['npm', 'SIGTERM'],
		['npm', 'SIGINT'],
		['node scripts/dev.js', 'SIGTERM'],
		['node scripts/dev.js', 'SIGINT'],
		['npm', 'SIGKILL'],
	] as const)('%s gets %s', async (target, signal) => {
		const dev = await startDev();
		expect(dev.output()).toContain(`GEN sandbox on http://127.0.0.1:${dev.sandboxPort}`);
		expect(dev.output()).toContain(`Open        http://127.0.0.1:${dev.n8nPort}`);
		expect(await portIsOpen(dev.n8nPort)).toBe(true);
		expect(await portIsOpen(dev.sandboxPort)).toBe(true);

		tree = descendants(dev.npm.pid!);
		const node = tree.find((p) => /node\b.*scripts\/dev\.js/.test(p.cmdline));
		const n8nProcess = tree.find((p) => p.cmdline.includes('node_modules/n8n/bin/n8n start'));
		// `exec node scripts/dev.js`: node is npm's own child, no `sh -c` in between
		expect(tree.filter((p) => p.ppid === dev.npm.pid).map((p) => p.pid)).toEqual([node?.pid]);
		expect(node).toBeDefined();
		expect(n8nProcess).toBeDefined();

		process.kill(target === 'npm' ? dev.npm.pid! : node!.pid, signal);

		const isDown = async () =>
			!(await portIsOpen(dev.n8nPort)) && !(await portIsOpen(dev.sandboxPort)) && tree.every((p) => !isRunning(p.pid));
		await waitFor(isDown, { timeoutMs: 60_000, intervalMs: 250, what: 'n8n, the sandbox and every process under npm to be gone' });
		expect(tree.filter((p) => isRunning(p.pid))).toEqual([]);
		expect(dev.output()).toContain('[dev] stopped n8n and the GEN sandbox');
		if (signal === 'SIGKILL') {
			expect(dev.output()).toMatch(/the parent process \(pid \d+\) is gone: stopping/);
			expect(await dev.exited).toEqual({ code: null, signal: 'SIGKILL' });
		} else {
			expect(dev.output()).toContain(`[dev] ${signal}: stopping`);
			// npm forwarded the signal (or its child exited) and waited for dev.js: a clean exit
			expect(await dev.exited).toEqual({ code: 0, signal: null });
		}
		// one signal, one graceful stop: not the "kill everything now" of a second signal
		expect(dev.output()).not.toContain('second signal');
	});
});
