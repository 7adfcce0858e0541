#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * `npm run dev`: try the GEN node in a real n8n 2.x, in one command.
 *
 *   1. builds the package (npm run build),
 *   2. installs n8n 2.x and Node 24 into .cache/ if needed (scripts/install-n8n.sh; minutes, once),
 *   3. packs the package and installs the tarball into the dev user folder like a community
 *      package (node type `n8n-nodes-gen.gen`) — on every start, so rebuilds show up on restart,
 *   4. starts the GEN sandbox (test/sandbox) on 127.0.0.1:4010, its agent host on 4011 (or free ports),
 *   5. imports a "GEN account" credential for it and the example workflows (examples/*.json),
 *   6. starts n8n on http://127.0.0.1:5678 and sets up (or logs in) a fixed owner,
 *   7. prints the URL and the login; Ctrl-C (SIGINT) or SIGTERM stops n8n and the sandbox.
 *
 * Options: --fresh (new dev user folder .cache/dev-n8n), --port N (n8n, default 5678),
 * --sandbox-port N (default 4010), --logs (n8n's log on the terminal too), --skip-build,
 * --user-folder DIR (instead of .cache/dev-n8n; the e2e test uses a temp folder).
 *
 * Stopping. n8n runs in a process group of its own (so that it and its task runners can be
 * stopped as one), so a signal reaches it only through this script:
 *   - SIGINT, SIGTERM, SIGHUP to this process: stop n8n (SIGTERM, SIGKILL after 10 s) and the
 *     sandbox, then exit. package.json runs this script as `exec node scripts/dev.js`, so npm's
 *     child is this process, and npm forwards the SIGINT/SIGTERM it receives to it (without the
 *     `exec`, npm's `sh -c` wrapper got it: SIGTERM killed the wrapper and left this process
 *     running, SIGINT was ignored by the wrapper).
 *   - A terminal's Ctrl-C reaches npm and this process, and npm forwards its copy: a repeat of
 *     the signal within a second is the same Ctrl-C. A later second signal kills everything now.
 *   - A watchdog polls the parent process: when it is gone (npm killed with SIGKILL, a wrapper
 *     that died), this process is re-parented and stops everything as on SIGTERM.
 */

const fs = require('node:fs');
const path = require('node:path');
const n8n = require('./e2e/lib/n8n');
const dev = require('./dev/setup');

const { parseArgs, defaultUserFolder } = require('./dev/args');

const repoRoot = n8n.repoRoot;
/** The dev user folder and the files kept in it (--user-folder changes them). */
let userFolder = defaultUserFolder;
let stateFile = path.join(userFolder, 'dev-state.json');
let logFile = path.join(userFolder, 'n8n.log');

const t0 = Date.now();
const seconds = (since = t0) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
/** @param {string} message */
const say = (message) => console.log(`[dev] ${message}`);

/** The demo's agent and vidsheet as the editor's pickers show them: name and ID. @param {import('../test/sandbox/server').Sandbox} sandbox */
const demoAgent = (sandbox) => {
	const agent = sandbox.state.agents.find((a) => a.id === sandbox.seed.agentId);
	return `"${agent?.name ?? '?'}" (${sandbox.seed.agentId})`;
};
/** @param {import('../test/sandbox/server').Sandbox} sandbox */
const demoVidsheet = (sandbox) => {
	const engine = sandbox.state.content.engines.find((e) => e.id === sandbox.seed.engineId);
	return `"${engine?.title ?? '?'}" (${sandbox.seed.engineId})`;
};

/**
 * A step's child process, tracked by the e2e library (own process group, stopped by shutdown()).
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} options
 */
function spawnStep(command, args, options) {
	const child = n8n.spawnTracked(command, args, options);
	takeOverSignals(); // the library registered its own handlers with its first child
	return child;
}

/**
 * Runs one step to completion (output as `stdio` says); rejects naming the step when it fails.
 * @param {string} what  e.g. "npm run build"
 * @param {string} command @param {string[]} args @param {import('node:child_process').StdioOptions} stdio
 */
function runStep(what, command, args, stdio) {
	return new Promise((resolve, reject) => {
		const child = spawnStep(command, args, { cwd: repoRoot, stdio });
		child.once('error', reject);
		child.once('exit', (code, signal) => (code === 0 ? resolve(undefined) : reject(new Error(`${what} failed (${code ?? signal})`))));
	});
}

/** `npm run build`, output on the terminal. */
const build = () => runStep('npm run build', 'npm', ['run', '--silent', 'build'], 'inherit');

/** scripts/install-n8n.sh 2 with its progress (stderr) on the terminal; instant when installed. */
const installWithProgress = () =>
	runStep('scripts/install-n8n.sh 2', 'bash', [path.join(repoRoot, 'scripts/install-n8n.sh'), '2'], ['ignore', 'ignore', 'inherit']);

/** @type {import('../test/sandbox/server').Sandbox | undefined} */
let sandbox;
/** @type {import('./e2e/lib/n8n').N8nInstance | undefined} */
let app;
let stopping = false;
/** When the first stop signal arrived (a copy of it within a second is the same Ctrl-C). */
let firstSignalAt = 0;

/**
 * Stops n8n (SIGTERM to its process group, SIGKILL after 10 s) and the sandbox, then exits.
 * @param {number} code
 * @param {string} [reason]
 */
async function shutdown(code, reason) {
	if (stopping) return;
	stopping = true;
	if (reason) say(reason);
	const started = Date.now();
	const stopped = [app?.server && 'n8n', sandbox && 'the GEN sandbox'].filter(Boolean);
	try {
		if (app?.server) await n8n.stopProcess(app.server.process, 10_000);
		await n8n.stopAll(); // anything else still running (an import, the installer)
		await sandbox?.close();
	} finally {
		if (stopped.length > 0) say(`stopped ${stopped.join(' and ')} (${seconds(started)})`);
		process.exit(code);
	}
}

/**
 * From here on this script handles SIGINT/SIGTERM/SIGHUP itself: a graceful n8n stop instead of the
 * e2e library's immediate SIGKILL + exit (its `exit` handler stays, as a last resort).
 * A second signal while stopping kills everything at once, unless it comes within a second of
 * the first: a terminal's Ctrl-C reaches this process twice (from the terminal and from npm).
 */
function takeOverSignals() {
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
		process.removeAllListeners(signal);
		process.on(signal, () => {
			if (stopping) {
				if (Date.now() - firstSignalAt < 1000) return;
				say('second signal: killing everything now');
				process.exit(130); // the library's exit handler SIGKILLs its process groups
			}
			firstSignalAt = Date.now();
			void shutdown(0, `${signal}: stopping…`);
		});
	}
}

/** Sandbox generations take this long in `npm run dev`, so the waiting is visible in n8n. */
const DEV_GENERATION_MS = 3000;

/**
 * Stops everything when the parent process goes away without a signal reaching this one (npm
 * killed with SIGKILL; an `sh -c` wrapper that died of SIGTERM): this process is then re-parented
 * (to init or a subreaper) and its ppid changes.
 */
function watchParent() {
	const parent = process.ppid;
	const timer = setInterval(() => {
		if (process.ppid !== parent) {
			clearInterval(timer);
			void shutdown(0, `the parent process (pid ${parent}) is gone: stopping…`);
		}
	}, 500);
	timer.unref();
}

/** @param {number} port */
async function startSandbox(port) {
	const { startSandbox: start } = require('../test/sandbox/server');
	const startOn = (/** @type {number} */ mainPort, /** @type {number} */ agentPort) =>
		start({ port: mainPort, agentPort, host: '127.0.0.1', generationMs: DEV_GENERATION_MS });
	const taken = (/** @type {any} */ error) => {
		if (error.code !== 'EADDRINUSE') throw error;
		say(`port ${error.port ?? '?'} is taken: the GEN sandbox uses a free one instead`);
	};
	// The agent host on the next port, so that the saved credential stays valid across restarts.
	const agentPort = port && port < 65535 ? port + 1 : 0;
	for (const [mainPort, agent] of [[port, agentPort], [port, 0]]) {
		try {
			return await startOn(mainPort, agent);
		} catch (error) {
			taken(error);
		}
	}
	return await startOn(0, 0);
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	userFolder = options.userFolder;
	stateFile = path.join(userFolder, 'dev-state.json');
	logFile = path.join(userFolder, 'n8n.log');
	takeOverSignals();
	watchParent();
	// With the terminal or npm gone, output may hit a closed pipe: that must not stop the shutdown.
	for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

	if (!(await dev.portIsFree(options.port))) {
		throw new Error(`port ${options.port} on 127.0.0.1 is taken (another n8n?): stop it or use npm run dev -- --port N`);
	}

	if (options.build) {
		say('building the package (npm run build)…');
		const started = Date.now();
		await build();
		say(`built (${seconds(started)})`);
	}

	let started = Date.now();
	say('n8n 2.x: checking the install in .cache/ (a first install downloads ~3 GB and takes minutes)…');
	// The install script itself first, so that a first install shows its progress here (the
	// library prints the installer's output only at the end); then install() finds it done.
	await installWithProgress();
	const installation = await n8n.install('2');
	takeOverSignals(); // install() registered the library's handlers
	say(`n8n ${installation.version} on ${installation.nodeBin} (${seconds(started)})`);

	if (options.fresh && fs.existsSync(userFolder)) {
		say(`--fresh: removing ${path.relative(repoRoot, userFolder)}`);
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
	fs.mkdirSync(userFolder, { recursive: true });

	started = Date.now();
	const tarball = await n8n.packPackage();
	await n8n.installPackageTarball(userFolder, tarball);
	fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	const version = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
	say(`installed ${path.basename(tarball)} into ${path.relative(repoRoot, userFolder)}/.n8n/nodes (${seconds(started)})`);

	sandbox = await startSandbox(options.sandboxPort);
	say(`GEN sandbox on ${sandbox.baseUrl}`);

	app = new n8n.N8nInstance(installation, userFolder);
	const state = dev.readState(stateFile);
	const agentBaseUrl = sandbox.agent.baseUrl;
	if (state.sandboxBaseUrl !== sandbox.baseUrl || state.agentBaseUrl !== agentBaseUrl) {
		started = Date.now();
		await app.importCredentials([
			n8n.genApiCredential({ ...dev.DEV_CREDENTIAL, apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl, agentBaseUrl }),
		]);
		dev.writeState(stateFile, { ...state, sandboxBaseUrl: sandbox.baseUrl, agentBaseUrl });
		say(`credential "${dev.DEV_CREDENTIAL.name}" → ${sandbox.baseUrl}, agent host ${agentBaseUrl} (${seconds(started)})`);
	}
	const examples = dev.exampleWorkflows(repoRoot, n8n.NODE_TYPE);
	if (dev.readState(stateFile).examplesHash !== examples.hash) {
		started = Date.now();
		await app.importWorkflows(examples.workflows);
		dev.writeState(stateFile, { ...dev.readState(stateFile), examplesHash: examples.hash });
		say(`imported ${examples.workflows.length} workflow(s) from ${examples.source} (${seconds(started)})`);
	}

	started = Date.now();
	say(`starting n8n on http://127.0.0.1:${options.port} …`);
	const server = await app.start({ port: options.port, timeoutMs: 180_000 });
	const log = fs.createWriteStream(logFile, { flags: 'w' });
	log.write(server.output());
	for (const stream of [server.process.stdout, server.process.stderr]) {
		stream?.on('data', (chunk) => {
			log.write(chunk);
			if (options.logs) process.stdout.write(chunk);
		});
	}
	server.process.once('exit', (code, signal) => {
		if (!stopping) {
			console.error(server.output().slice(-4000));
			void shutdown(1, `n8n exited on its own (${code ?? signal}); its log: ${path.relative(repoRoot, logFile)}`);
		}
	});
	// start() returns once /rest/settings answers JSON; the settings say whether an owner exists.
	const settings = await app.rest('GET', '/rest/settings');
	const owner = await dev.ownerSession(app, settings);
	const workflows = await app.rest('GET', '/rest/workflows');
	say(`n8n ready (${seconds(started)}); owner ${owner}`);

	const list = Array.isArray(workflows) ? workflows : (workflows?.data ?? []);
	const exampleIds = new Set(examples.workflows.map((workflow) => workflow.id));
	const lines = [
		'',
		`  n8n-nodes-gen ${version} in n8n ${installation.version} — ready in ${seconds()}`,
		'',
		`  Open        ${server.url}`,
		`  Log in      ${dev.DEV_OWNER.email}  /  ${dev.DEV_OWNER.password}`,
		`  Credential  "${dev.DEV_CREDENTIAL.name}" (GEN API) → ${sandbox.baseUrl}`,
		`  Demo        agent ${demoAgent(sandbox)}, vidsheet ${demoVidsheet(sandbox)}: pick them in the GEN node's Agent and Vidsheet`,
		'  Workflows',
		...list
			.filter((/** @type {any} */ workflow) => exampleIds.has(workflow.id))
			.map((/** @type {any} */ workflow) => `    ${workflow.name}\n      ${server.url}/workflow/${workflow.id}`),
		`  Sandbox     requests: ${sandbox.url}/__sandbox/requests   reset: POST ${sandbox.url}/__sandbox/reset`,
		`  n8n log     ${path.relative(repoRoot, logFile)}${options.logs ? ' (also shown here)' : ''}`,
		'',
		'  Ctrl-C stops n8n and the sandbox. Changed the node? Ctrl-C and npm run dev again: it rebuilds',
		`  and reinstalls the package. npm run dev -- --fresh resets ${path.relative(repoRoot, userFolder)}.`,
		'',
	];
	console.log(lines.join('\n'));
}

main().catch((error) => {
	console.error(`[dev] ${error instanceof Error ? error.message : String(error)}`);
	void shutdown(1);
});
