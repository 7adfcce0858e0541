// @ts-check
'use strict';

/**
 * One n8n instance = one installation + one user folder with the package installed: its
 * environment, its CLI (import, execute), its server (`n8n start`) and REST calls as the owner.
 * Its environment comes from ./env.js, credentials in import form from ./credentials.js (both
 * exported here too). Types: the JSDoc here.
 */

const fs = require('node:fs');
const path = require('node:path');
const { ENCRYPTION_KEY, n8nEnv } = require('./env');
const { genApiCredential, genJwtCredential } = require('./credentials');
const { parseExecuteOutput, executeResult } = require('./execute-output');
const { install } = require('./install');
const { NODE_TYPE, packPackage, createUserFolder, installPackageTarball } = require('./package');
const { run, spawnTracked, stopProcess, freePort, captureOutput } = require('./processes');
const rest = require('./rest');

/**
 * @typedef {import('./env').EnvOverrides} EnvOverrides
 * @typedef {import('./credentials').CredentialImport} CredentialImport
 * @typedef {import('./install').Installation} Installation
 * @typedef {import('./processes').RunResult} RunResult
 * @typedef {import('./execute-output').ExecuteResult} ExecuteResult
 */

/**
 * @typedef {object} N8nServer  a running `n8n start`
 * @property {string} url
 * @property {number} port
 * @property {number} brokerPort
 * @property {import('node:child_process').ChildProcess} process
 * @property {() => string} output
 * @property {() => Promise<void>} stop
 */

/** @type {Readonly<import('./rest').OwnerDetails>} */
const OWNER = Object.freeze({ email: 'owner@example.com', firstName: 'E2E', lastName: 'Owner', password: 'E2e-Password-123' });

class N8nInstance {
	/**
	 * @param {Installation} installation  from install()
	 * @param {string} userFolder
	 * @param {EnvOverrides} [envOverrides]
	 */
	constructor(installation, userFolder, envOverrides = {}) {
		this.installation = installation;
		this.version = installation.version;
		this.line = installation.line;
		this.userFolder = userFolder;
		this.envOverrides = envOverrides;
		/** @type {N8nServer | undefined} */
		this.server = undefined;
		/** @type {import('./rest').Owner | undefined} */
		this.owner = undefined;
		/** 'n8n-nodes-gen.gen' */
		this.nodeType = NODE_TYPE;
	}

	/**
	 * @param {EnvOverrides} [extra]
	 * @returns {NodeJS.ProcessEnv}
	 */
	env(extra = {}) {
		return n8nEnv(this.installation, this.userFolder, { ...this.envOverrides, ...extra });
	}

	// --- CLI ------------------------------------------------------------------------------------

	/**
	 * Runs `n8n <args>` (cwd = user folder, so no stray .env is read) to completion.
	 * @param {string[]} args
	 * @param {{ env?: EnvOverrides, timeoutMs?: number }} [options]
	 * @returns {Promise<RunResult>}
	 */
	async cli(args, options = {}) {
		const brokerPort = String(await freePort());
		return await run(this.installation.nodeBin, [this.installation.n8nBin, ...args], {
			cwd: this.userFolder,
			env: this.env({ N8N_RUNNERS_BROKER_PORT: brokerPort, ...options.env }),
			timeoutMs: options.timeoutMs ?? 120_000,
		});
	}

	/**
	 * Writes JSON to a file in the user folder and returns its path.
	 * @param {string} name
	 * @param {unknown} data
	 */
	writeJson(name, data) {
		const file = path.join(this.userFolder, 'e2e-input', name);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	/**
	 * `n8n import:credentials` of an array of `{id, name, type, data}` (plain data).
	 * @param {CredentialImport[]} credentials
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
	 * `n8n execute --id=<id> --rawOutput`: `ok`, `data`, `error` and `crashedAtExit` as
	 * ./execute-output.js reads them.
	 * @param {string} id
	 * @param {{ timeoutMs?: number, env?: EnvOverrides }} [options]
	 * @returns {Promise<ExecuteResult>}
	 */
	async execute(id, options = {}) {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], options);
		return executeResult(this.installation, result);
	}

	// --- server ---------------------------------------------------------------------------------

	/**
	 * `n8n start` on a free 127.0.0.1 port; resolves when `/rest/settings` answers 200.
	 * Output is kept in `server.output()` (last 200 kB) for diagnosis.
	 * @param {{ port?: number, env?: EnvOverrides, timeoutMs?: number }} [options]
	 * @returns {Promise<N8nServer>}
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
		const output = captureOutput(child, 200_000);
		const url = `http://127.0.0.1:${port}`;
		/** @type {N8nServer} */
		const server = {
			url,
			port,
			brokerPort,
			process: child,
			output,
			stop: async () => {
				await stopProcess(child);
				if (this.server === server) this.server = undefined;
				this.owner = undefined;
			},
		};
		this.server = server;
		try {
			await rest.waitForReady(url, child, output, options.timeoutMs ?? 120_000);
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

	// --- REST as the owner (./rest.js) ----------------------------------------------------------

	/** The running server's base URL. */
	get url() {
		if (!this.server) throw new Error('n8n is not started');
		return this.server.url;
	}

	/**
	 * Creates the instance owner (`POST /rest/owner/setup`) and keeps its session cookie for
	 * `rest()`. Resolves to `{cookie, user, email, password}`.
	 * @param {Partial<import('./rest').OwnerDetails>} [owner]
	 * @returns {Promise<import('./rest').Owner>}
	 */
	async setupOwner(owner = {}) {
		this.owner = await rest.setupOwner(this.url, { ...OWNER, ...owner });
		return this.owner;
	}

	/**
	 * Logs in as the owner again (after a restart of `n8n start`).
	 * @returns {Promise<import('./rest').Owner>}
	 */
	async login(email = OWNER.email, password = OWNER.password) {
		this.owner = await rest.login(this.url, email, password);
		return this.owner;
	}

	/**
	 * An HTTP request to the running server; JSON in and out. Uses the owner's cookie unless
	 * `options.cookie` is given (null = none). Resolves to `{status, headers, body}`.
	 * @param {string} method
	 * @param {string} urlPath  e.g. '/rest/credentials/test'
	 * @param {unknown} [body]
	 * @param {{ cookie?: string | null, headers?: Record<string, string> }} [options]
	 * @returns {Promise<import('./rest').HttpResult>}
	 */
	async fetch(method, urlPath, body, options = {}) {
		const cookie = options.cookie === undefined ? this.owner?.cookie : options.cookie;
		return await rest.request(this.url, method, urlPath, body, { headers: options.headers, cookie });
	}

	/**
	 * Like fetch(), but throws unless the status is 2xx, and unwraps n8n's `{data: …}` envelope.
	 * @param {string} method
	 * @param {string} urlPath
	 * @param {unknown} [body]
	 * @returns {Promise<any>}
	 */
	async rest(method, urlPath, body) {
		return rest.restData(await this.fetch(method, urlPath, body), method, urlPath);
	}

	/**
	 * Activates (2.x: publishes) an imported workflow through the REST API as the owner.
	 * @param {string} id
	 * @returns {Promise<any>}
	 */
	async activateWorkflow(id) {
		return await rest.setWorkflowActive((...args) => this.rest(...args), this.line, id, true);
	}

	/**
	 * Deactivates a workflow through the REST API (2.x: unpublish).
	 * @param {string} id
	 * @returns {Promise<any>}
	 */
	async deactivateWorkflow(id) {
		return await rest.setWorkflowActive((...args) => this.rest(...args), this.line, id, false);
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

/**
 * Installs n8n of `line` (cached), makes a fresh user folder and installs the packed package
 * into it like a community package install.
 * @param {{ line: import('./install').Line | string, tarball?: string, label?: string, env?: EnvOverrides }} options
 * @returns {Promise<N8nInstance>}
 */
async function createInstance(options) {
	const installation = await install(options.line);
	const tarball = options.tarball ?? (await packPackage());
	const userFolder = createUserFolder(options.label ?? `v${installation.line}`);
	await installPackageTarball(userFolder, tarball);
	return new N8nInstance(installation, userFolder, options.env ?? {});
}

module.exports = {
	ENCRYPTION_KEY,
	OWNER,
	n8nEnv,
	parseExecuteOutput,
	genApiCredential,
	genJwtCredential,
	N8nInstance,
	createInstance,
};
