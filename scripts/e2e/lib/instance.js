// @ts-check
'use strict';

/**
 * One n8n instance = one installation + one user folder with the package installed: its
 * environment, its CLI (import, execute), its server (`n8n start`) and REST calls as the owner.
 * Types: ./instance.d.ts.
 */

const fs = require('node:fs');
const path = require('node:path');
const { install } = require('./install');
const { NODE_TYPE, packPackage, createUserFolder, installPackageTarball } = require('./package');
const { run, spawnTracked, stopProcess, freePort } = require('./processes');
const rest = require('./rest');

const ENCRYPTION_KEY = 'n8n-nodes-gen-e2e-encryption-key-0001';
const OWNER = Object.freeze({
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Password-123',
});

/**
 * Everything n8n needs to run quiet, local and reproducible: no telemetry, version checks,
 * templates, banners, license renewals or AI; listening on 127.0.0.1 only; SQLite in the user
 * folder; a fixed encryption key; UTC; n8n's default expression engine. Proxy variables are
 * removed so nothing leaves the machine through them.
 * @param {{ line: string, binDir: string, nodeOptions?: string }} installation
 * @param {string} userFolder
 * @param {Record<string, string | undefined>} [extra]  added last; undefined removes a variable
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
	if (installation.nodeOptions) env.NODE_OPTIONS = installation.nodeOptions;
	// 2.x only (1.x rejects unknown module names): the MCP registry fetches api.n8n.io on start.
	if (Number(installation.line) >= 2) env.N8N_DISABLED_MODULES = 'mcp-registry';
	for (const [name, value] of Object.entries(extra)) {
		if (value === undefined) delete env[name];
		else env[name] = value;
	}
	return env;
}

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
 * Without `agentBaseUrl` the credential has none, like one saved before the field existed.
 * @param {{ apiKey: string, baseUrl: string, agentBaseUrl?: string, id?: string, name?: string }} options
 */
function genApiCredential({ apiKey, baseUrl, agentBaseUrl, id = 'genApiE2e', name = 'GEN account' }) {
	return { id, name, type: 'genApi', data: { apiKey, baseUrl, ...(agentBaseUrl && { agentBaseUrl }) } };
}

/**
 * A `genJwtApi` credential in `n8n import:credentials` form.
 * @param {{ token: string, baseUrl: string, id?: string, name?: string }} options
 */
function genJwtCredential({ token, baseUrl, id = 'genJwtE2e', name = 'GEN JWT account' }) {
	return { id, name, type: 'genJwtApi', data: { token, baseUrl } };
}

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

	// --- CLI ------------------------------------------------------------------------------------

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
	 *
	 * `crashedAtExit`: on a line with `segfaultsAtExit` (see ./install.js) the process died of
	 * SIGSEGV after printing a finished run (`finished` and `stoppedAt` set); `ok` then says whether
	 * that run's status is 'success'. Any other signal, or a SIGSEGV without a finished run, is a
	 * failure as before.
	 * @param {string} id
	 * @param {{ timeoutMs?: number, env?: Record<string, string | undefined> }} [options]
	 */
	async execute(id, options = {}) {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], options);
		const data = parseExecuteOutput(result.stdout);
		const crashedAtExit = Boolean(
			this.installation.segfaultsAtExit &&
				result.signal === 'SIGSEGV' &&
				!result.timedOut &&
				typeof data?.finished === 'boolean' &&
				data?.stoppedAt,
		);
		const ok = crashedAtExit ? data.status === 'success' : result.code === 0;
		return { ...result, ok, crashedAtExit, data, error: ok ? undefined : `${result.stdout}\n${result.stderr}`.trim() };
	}

	// --- server ---------------------------------------------------------------------------------

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
			await rest.waitForReady(url, child, () => output, options.timeoutMs ?? 120_000);
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
	 * @param {Partial<typeof OWNER>} [owner]
	 */
	async setupOwner(owner = {}) {
		this.owner = await rest.setupOwner(this.url, { ...OWNER, ...owner });
		return this.owner;
	}

	/** Logs in as the owner again (after a restart of `n8n start`). */
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
	 */
	async rest(method, urlPath, body) {
		return rest.restData(await this.fetch(method, urlPath, body), method, urlPath);
	}

	/**
	 * Activates (2.x: publishes) an imported workflow through the REST API as the owner.
	 * @param {string} id
	 */
	async activateWorkflow(id) {
		return await rest.setWorkflowActive((...args) => this.rest(...args), this.line, id, true);
	}

	/** Deactivates a workflow through the REST API (2.x: unpublish). */
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
	ENCRYPTION_KEY,
	OWNER,
	n8nEnv,
	parseExecuteOutput,
	genApiCredential,
	genJwtCredential,
	N8nInstance,
	createInstance,
};
