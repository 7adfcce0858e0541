// @ts-check
'use strict';

/**
 * Drives the REAL n8n application for end-to-end tests, benchmarks and `npm run dev`.
 * Plain CommonJS, no dependencies, runs on Node 20 and 24. Types: ./n8n.d.ts.
 *
 *   const n8n = require('./scripts/e2e/lib/n8n');
 *   const app = await n8n.createInstance({ line: '2' });     // = install + packPackage + createUserFolder + installPackageTarball
 *   await app.importCredentials([n8n.genApiCredential({ apiKey, baseUrl })]);   // id 'genApiE2e', name 'GEN account'
 *   await app.importWorkflows([workflowJson, ...]);          // one process for all; each needs an `id` (<= 21 chars)
 *   const run = await app.execute('wf-id');                  // n8n execute --id --rawOutput → {ok, code, data, error, stdout}
 *   const server = await app.start();                        // n8n start on a free 127.0.0.1 port, resolves when REST is up
 *   await app.setupOwner();                                  // POST /rest/owner/setup; its cookie is used by fetch()/rest()
 *   await app.rest('POST', '/rest/credentials/test', body);  // 2xx or throw; unwraps {data}
 *   await app.activateWorkflow('wf-id');                     // 2.x POST …/activate, 1.x PATCH {active: true}
 *   await app.dispose();                                     // stops its server, deletes the user folder
 *
 * Building blocks (for a custom setup such as scripts/dev.js):
 *   install(line) → {line, version, dir, nodeDir, binDir, nodeBin, n8nBin, legacyExpressions}
 *     line '2' = n8n 2.41.1 on Node 24 (from .cache/node24), line '1' = n8n 1.123.81 on this Node 20;
 *     runs scripts/install-n8n.sh (cached under .cache/, minutes when cold). Run n8n as `nodeBin n8nBin …`.
 *   packPackage() → tarball path (`npm pack` of the repo, once per process; build first)
 *   createUserFolder(label) → a new temp folder to use as N8N_USER_FOLDER
 *   installPackageTarball(userFolder, tarball) → <userFolder>/.n8n/nodes/node_modules/n8n-nodes-gen,
 *     the same steps as n8n's own community-package install (node type `n8n-nodes-gen.gen`)
 *   n8nEnv(installation, userFolder, extra) → env for an n8n process: quiet, local, SQLite, UTC
 *   new N8nInstance(installation, userFolder, envOverrides) → the object createInstance returns
 *   run(cmd, args, opts), spawnTracked(cmd, args, opts), stopProcess(child), stopAll(), freePort()
 *   parseExecuteOutput(stdout), genApiCredential(…), genJwtCredential(…)
 *
 * Every child process runs in its own process group and is remembered until it exits; stop()
 * and stopAll() kill the whole group (n8n's task runners too), and so do handlers on process
 * exit, SIGINT, SIGTERM and SIGHUP. N8N_E2E_KEEP=1 keeps user folders for diagnosis.
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '../../..');

/** The n8n lines this project supports. */
const LINES = {
	2: { line: '2', version: '2.41.1', node: 24, legacyExpressions: false },
	1: { line: '1', version: '1.123.81', node: 20, legacyExpressions: true },
};

const PACKAGE_NAME = 'n8n-nodes-gen';
/** Node type of the GEN node when the package is installed like a user install. */
const NODE_TYPE = `${PACKAGE_NAME}.gen`;
const ENCRYPTION_KEY = 'n8n-nodes-gen-e2e-encryption-key-0001';
const OWNER = Object.freeze({
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Password-123',
});

// ---------------------------------------------------------------------------------------------
// Child processes: own process group each, killed on stop / exit / signals
// ---------------------------------------------------------------------------------------------

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
/** When each child exited: its group ID is only signalled shortly after (PIDs get reused). */
const exitTimes = new WeakMap();
/** Temp folders removed when the process exits (the packed tarball's). */
const tempDirs = new Set();
let exitHandlersInstalled = false;

/** Signals a child's whole process group (also after the child itself exited: grandchildren). */
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

/** Kills every process this module started that is still running. */
async function stopAll() {
	await Promise.all([...children].map((child) => stopProcess(child, 3000)));
}

/**
 * Runs a command to completion (tracked, killed on timeout).
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number, stdin?: string, stderr?: 'pipe' | 'inherit' }} [options]
 * @returns {Promise<{ code: number | null, signal: string | null, stdout: string, stderr: string, durationMs: number, timedOut: boolean }>}
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

// ---------------------------------------------------------------------------------------------
// Installing n8n, packing and installing this package
// ---------------------------------------------------------------------------------------------

/** @param {string | number} line */
function lineInfo(line) {
	const info = LINES[/** @type {1 | 2} */ (Number(line))];
	if (!info) throw new Error(`unknown n8n line ${line} (use 2 or 1)`);
	return info;
}

/** @type {Map<string, Promise<any>>} */
const installs = new Map();

/**
 * Installs n8n of a line (and Node 24 for line 2) with scripts/install-n8n.sh, cached under
 * .cache/ (instant when done before; a cold install takes minutes). Install output goes to
 * this process's stderr.
 * @param {string | number} line  '2' (n8n 2.41.1 on Node 24) or '1' (n8n 1.123.81 on Node 20)
 */
function install(line) {
	const info = lineInfo(line);
	let pending = installs.get(info.line);
	if (!pending) {
		pending = (async () => {
			const script = path.join(repoRoot, 'scripts/install-n8n.sh');
			// Progress of a cold install (minutes) goes straight to this process's stderr.
			const result = await run('bash', [script, info.line], { cwd: repoRoot, stderr: 'inherit' });
			if (result.code !== 0) {
				throw new Error(`scripts/install-n8n.sh ${info.line} failed (exit ${result.code}); its output is above`);
			}
			const lastLine = result.stdout.trim().split('\n').pop() ?? '';
			const [dir, nodeDir] = lastLine.split(' ');
			const binDir = nodeDir ? path.join(nodeDir, 'bin') : path.dirname(process.execPath);
			const nodeBin = path.join(binDir, 'node');
			const n8nBin = path.join(dir, 'node_modules/n8n/bin/n8n');
			const version = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules/n8n/package.json'), 'utf8')).version;
			if (!fs.existsSync(nodeBin)) throw new Error(`no node binary at ${nodeBin}`);
			return { line: info.line, version, dir, nodeDir: nodeDir ?? null, binDir, nodeBin, n8nBin, legacyExpressions: info.legacyExpressions };
		})();
		pending.catch(() => installs.delete(info.line));
		installs.set(info.line, pending);
	}
	return pending;
}

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
			installExitHandlers();
			const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `${PACKAGE_NAME}-pack-`));
			tempDirs.add(outDir);
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

// ---------------------------------------------------------------------------------------------
// Environment, ports
// ---------------------------------------------------------------------------------------------

/** Resolves to a TCP port that is free on 127.0.0.1 right now. */
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

/**
 * Everything n8n needs to run quiet, local and reproducible: no telemetry, version checks,
 * templates, banners, license renewals or AI; listening on 127.0.0.1 only; SQLite in the user
 * folder; a fixed encryption key; UTC. Proxy variables are removed so nothing leaves the machine
 * through them.
 * @param {{ line: string, binDir: string, legacyExpressions: boolean }} installation
 * @param {string} userFolder
 * @param {Record<string, string | undefined>} [extra]
 */
function n8nEnv(installation, userFolder, extra = {}) {
	/** @type {NodeJS.ProcessEnv} */
	const env = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_TIMEZONE$|NODE_OPTIONS$|NODE_CONFIG_DIR$)/.test(name)) continue;
		if (/^(https?_proxy|all_proxy|no_proxy)$/i.test(name)) continue;
		if (/^(npm_|JEST_|INIT_CWD$)/.test(name)) continue;
		env[name] = value;
	}
	Object.assign(env, {
		PATH: `${installation.binDir}${path.delimiter}${process.env.PATH ?? ''}`,
		HOME: userFolder,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		TZ: 'UTC',
		GENERIC_TIMEZONE: 'UTC',
		NODE_ENV: 'production',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_NO_COLOR: 'true',
		NO_COLOR: '1',
		E2E_TESTS: 'false',
	});
	if (installation.legacyExpressions) env.N8N_EXPRESSION_ENGINE = 'legacy';
	// 2.x only (1.x rejects unknown module names): the MCP registry fetches api.n8n.io on start.
	if (Number(installation.line) >= 2) env.N8N_DISABLED_MODULES = 'mcp-registry';
	for (const [name, value] of Object.entries(extra)) {
		if (value === undefined) delete env[name];
		else env[name] = value;
	}
	return env;
}

// ---------------------------------------------------------------------------------------------
// CLI output, credentials
// ---------------------------------------------------------------------------------------------

/**
 * `n8n execute --rawOutput` prints logs and the run data to stdout: the JSON starts at the first
 * line beginning with `{`. Returns undefined when there is none.
 * @param {string} stdout
 */
function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start === -1) return undefined;
	const text = lines.slice(start).join('\n');
	try {
		return JSON.parse(text);
	} catch {
		// logs after the JSON: take up to the last closing brace line
		const end = text.lastIndexOf('\n}');
		if (end !== -1) {
			try {
				return JSON.parse(text.slice(0, end + 2));
			} catch {
				// fall through
			}
		}
		return undefined;
	}
}

/**
 * A `genApi` credential in `n8n import:credentials` form (its plain data is encrypted on import).
 * @param {{ apiKey: string, baseUrl: string, id?: string, name?: string }} options
 */
function genApiCredential({ apiKey, baseUrl, id = 'genApiE2e', name = 'GEN account' }) {
	return { id, name, type: 'genApi', data: { apiKey, baseUrl } };
}

/**
 * A `genJwtApi` credential in `n8n import:credentials` form.
 * @param {{ token: string, baseUrl: string, id?: string, name?: string }} options
 */
function genJwtCredential({ token, baseUrl, id = 'genJwtE2e', name = 'GEN JWT account' }) {
	return { id, name, type: 'genJwtApi', data: { token, baseUrl } };
}

// ---------------------------------------------------------------------------------------------
// One n8n instance (= one user folder), its CLI and its server
// ---------------------------------------------------------------------------------------------

class N8nInstance {
	/**
	 * @param {any} installation  from install()
	 * @param {string} userFolder
	 * @param {Record<string, string | undefined>} envOverrides
	 */
	constructor(installation, userFolder, envOverrides = {}) {
		this.installation = installation;
		this.version = installation.version;
		this.line = installation.line;
		this.userFolder = userFolder;
		this.envOverrides = envOverrides;
		/** @type {any} */
		this.server = undefined;
		/** @type {any} */
		this.owner = undefined;
		this.nodeType = NODE_TYPE;
	}

	/** @param {Record<string, string | undefined>} [extra] */
	env(extra = {}) {
		return n8nEnv(this.installation, this.userFolder, { ...this.envOverrides, ...extra });
	}

	/**
	 * Runs `n8n <args>` (cwd = user folder, so no stray .env is read) to completion.
	 * @param {string[]} args
	 * @param {{ env?: Record<string, string | undefined>, timeoutMs?: number }} [options]
	 */
	async cli(args, options = {}) {
		const brokerPort = String(await freePort());
		return await run(this.installation.nodeBin, [this.installation.n8nBin, ...args], {
			cwd: this.userFolder,
			env: this.env({ N8N_RUNNERS_BROKER_PORT: brokerPort, ...options.env }),
			timeoutMs: options.timeoutMs ?? 120_000,
		});
	}

	/** Writes JSON to a file in the user folder and returns its path. */
	writeJson(name, data) {
		const file = path.join(this.userFolder, 'e2e-input', name);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	/**
	 * `n8n import:credentials` of an array of `{id, name, type, data}` (plain data).
	 * @param {object[]} credentials
	 */
	async importCredentials(credentials) {
		const file = this.writeJson(`credentials-${Date.now()}.json`, credentials);
		const result = await this.cli(['import:credentials', `--input=${file}`]);
		if (result.code !== 0) throw new Error(`import:credentials failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
		return result;
	}

	/**
	 * `n8n import:workflow` of an array of workflows, in one process (each needs an `id`).
	 * Each gets `active: false` unless it says otherwise, and default settings.
	 * @param {object[]} workflows
	 */
	async importWorkflows(workflows) {
		const list = workflows.map((workflow) => ({ active: false, settings: {}, pinData: {}, ...workflow }));
		const file = this.writeJson(`workflows-${Date.now()}.json`, list);
		const result = await this.cli(['import:workflow', `--input=${file}`]);
		if (result.code !== 0) throw new Error(`import:workflow failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
		return result;
	}

	/**
	 * `n8n execute --id=<id> --rawOutput`: `ok` is exit code 0; `data` the parsed run data
	 * (undefined when n8n printed none; on failure `error` holds the printed error text).
	 * @param {string} id
	 * @param {{ timeoutMs?: number, env?: Record<string, string | undefined> }} [options]
	 */
	async execute(id, options = {}) {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], options);
		const data = parseExecuteOutput(result.stdout);
		return { ...result, ok: result.code === 0, data, error: result.code === 0 ? undefined : `${result.stdout}\n${result.stderr}`.trim() };
	}

	/**
	 * `n8n start` on a free 127.0.0.1 port; resolves when `/rest/settings` answers 200.
	 * Output is kept in `server.output()` (last 200 kB) for diagnosis.
	 * @param {{ port?: number, env?: Record<string, string | undefined>, timeoutMs?: number }} [options]
	 */
	async start(options = {}) {
		if (this.server) throw new Error('n8n is already started for this instance');
		const port = options.port ?? (await freePort());
		const brokerPort = await freePort();
		const env = this.env({
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
			...options.env,
		});
		const child = spawnTracked(this.installation.nodeBin, [this.installation.n8nBin, 'start'], {
			cwd: this.userFolder,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		const keep = (chunk) => {
			output = (output + chunk).slice(-200_000);
		};
		child.stdout?.setEncoding('utf8').on('data', keep);
		child.stderr?.setEncoding('utf8').on('data', keep);
		const url = `http://127.0.0.1:${port}`;
		const server = {
			url,
			port,
			brokerPort,
			process: child,
			output: () => output,
			stop: async () => {
				await stopProcess(child);
				if (this.server === server) this.server = undefined;
				this.owner = undefined;
			},
		};
		this.server = server;
		try {
			await waitForReady(url, child, () => output, options.timeoutMs ?? 120_000);
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	/** Stops `n8n start` if running. */
	async stopServer() {
		if (this.server) await this.server.stop();
	}

	/**
	 * Creates the instance owner (`POST /rest/owner/setup`) and keeps its session cookie for
	 * `rest()`. Resolves to `{cookie, user, email, password}`.
	 * @param {Partial<typeof OWNER>} [owner]
	 */
	async setupOwner(owner = {}) {
		const body = { ...OWNER, ...owner };
		const response = await this.fetch('POST', '/rest/owner/setup', body, { cookie: null });
		if (response.status !== 200) {
			throw new Error(`owner setup failed: ${response.status} ${JSON.stringify(response.body)}`);
		}
		const cookie = sessionCookie(response.headers);
		if (!cookie) throw new Error('owner setup answered without a session cookie');
		this.owner = { cookie, user: response.body?.data ?? response.body, email: body.email, password: body.password };
		return this.owner;
	}

	/**
	 * Logs in as the owner again (after a restart of `n8n start`).
	 */
	async login(email = OWNER.email, password = OWNER.password) {
		// 1.x takes `email`, 2.x `emailOrLdapLoginId`; both ignore the other field.
		const response = await this.fetch('POST', '/rest/login', { email, emailOrLdapLoginId: email, password }, { cookie: null });
		if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
		const cookie = sessionCookie(response.headers);
		this.owner = { cookie, user: response.body?.data ?? response.body, email, password };
		return this.owner;
	}

	/**
	 * An HTTP request to the running server; JSON in and out. Uses the owner's cookie unless
	 * `options.cookie` is given (null = none). Resolves to `{status, headers, body}` (body parsed
	 * JSON when possible, else text).
	 * @param {string} method
	 * @param {string} urlPath  e.g. '/rest/credentials/test'
	 * @param {unknown} [body]
	 * @param {{ cookie?: string | null, headers?: Record<string, string> }} [options]
	 */
	async fetch(method, urlPath, body, options = {}) {
		if (!this.server) throw new Error('n8n is not started');
		/** @type {Record<string, string>} */
		const headers = { accept: 'application/json', 'browser-id': 'n8n-nodes-gen-e2e', ...options.headers };
		const cookie = options.cookie === undefined ? this.owner?.cookie : options.cookie;
		if (cookie) headers.cookie = cookie;
		if (body !== undefined) headers['content-type'] = 'application/json';
		const response = await fetch(`${this.server.url}${urlPath}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let parsed;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			parsed = text;
		}
		return { status: response.status, headers: response.headers, body: parsed };
	}

	/**
	 * Like fetch(), but throws unless the status is 2xx, and unwraps n8n's `{data: …}` envelope.
	 * @param {string} method
	 * @param {string} urlPath
	 * @param {unknown} [body]
	 */
	async rest(method, urlPath, body) {
		const response = await this.fetch(method, urlPath, body);
		if (response.status < 200 || response.status >= 300) {
			throw new Error(`${method} ${urlPath} → ${response.status}: ${JSON.stringify(response.body)}`);
		}
		const parsed = response.body;
		return parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed;
	}

	/**
	 * Activates (2.x: publishes) an imported workflow through the REST API as the owner.
	 * 2.x: POST /rest/workflows/:id/activate {versionId}; 1.x: PATCH /rest/workflows/:id {active: true, versionId}.
	 * @param {string} id
	 */
	async activateWorkflow(id) {
		const workflow = await this.rest('GET', `/rest/workflows/${id}`);
		if (Number(this.line) >= 2) {
			return await this.rest('POST', `/rest/workflows/${id}/activate`, { versionId: workflow.versionId });
		}
		return await this.rest('PATCH', `/rest/workflows/${id}`, { active: true, versionId: workflow.versionId });
	}

	/** Deactivates a workflow through the REST API (2.x: unpublish). */
	async deactivateWorkflow(id) {
		if (Number(this.line) >= 2) return await this.rest('POST', `/rest/workflows/${id}/deactivate`, {});
		const workflow = await this.rest('GET', `/rest/workflows/${id}`);
		return await this.rest('PATCH', `/rest/workflows/${id}`, { active: false, versionId: workflow.versionId });
	}

	/**
	 * Stops the server and every CLI process of this module, then deletes the user folder
	 * (keep it with `{ keepUserFolder: true }` or N8N_E2E_KEEP=1 for diagnosis).
	 * @param {{ keepUserFolder?: boolean }} [options]
	 */
	async dispose(options = {}) {
		await this.stopServer();
		if (!options.keepUserFolder && process.env.N8N_E2E_KEEP !== '1') {
			fs.rmSync(this.userFolder, { recursive: true, force: true, maxRetries: 3 });
		}
	}
}

/** `name=value` pairs of the Set-Cookie headers, joined for a Cookie header. */
function sessionCookie(headers) {
	const list = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [headers.get('set-cookie') ?? ''];
	return list
		.map((cookie) => cookie.split(';')[0].trim())
		.filter((pair) => pair && !pair.endsWith('='))
		.join('; ');
}

/** @param {string} text */
function isSettings(text) {
	try {
		const body = JSON.parse(text);
		return Boolean(body && typeof body === 'object' && body.data && typeof body.data === 'object');
	} catch {
		return false;
	}
}

/**
 * Polls `/rest/settings` until it answers the settings JSON (1.x reports /healthz/readiness OK
 * before the routes exist; a fresh database answers 200 "n8n is starting up" while migrating).
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} child
 * @param {() => string} output
 * @param {number} timeoutMs
 */
async function waitForReady(url, child, output, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`n8n start exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output().slice(-6000)}`);
		}
		try {
			const response = await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(2000) });
			const text = await response.text();
			// While migrating, n8n answers every path 200 "n8n is starting up. Please wait".
			if (response.status === 200 && isSettings(text)) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`n8n start was not ready after ${timeoutMs} ms:\n${output().slice(-6000)}`);
}

/**
 * Installs n8n of `line` (cached), makes a fresh user folder and installs the packed package
 * into it like a community package install.
 * @param {{ line: string | number, tarball?: string, label?: string, env?: Record<string, string | undefined> }} options
 */
async function createInstance(options) {
	const installation = await install(options.line);
	const tarball = options.tarball ?? (await packPackage());
	const userFolder = createUserFolder(options.label ?? `v${installation.line}`);
	await installPackageTarball(userFolder, tarball);
	return new N8nInstance(installation, userFolder, options.env ?? {});
}

module.exports = {
	repoRoot,
	LINES,
	PACKAGE_NAME,
	NODE_TYPE,
	ENCRYPTION_KEY,
	OWNER,
	install,
	packPackage,
	createUserFolder,
	installPackageTarball,
	n8nEnv,
	freePort,
	run,
	spawnTracked,
	stopProcess,
	stopAll,
	parseExecuteOutput,
	genApiCredential,
	genJwtCredential,
	createInstance,
	N8nInstance,
};
