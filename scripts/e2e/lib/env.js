// @ts-check
'use strict';

/**
 * The environment of every n8n process the e2e library starts (CLI, `n8n start`, workers).
 * Types: the JSDoc here.
 */

const path = require('node:path');

/** @typedef {Record<string, string | undefined>} EnvOverrides  undefined removes a variable */

const ENCRYPTION_KEY = 'n8n-nodes-gen-e2e-encryption-key-0001';

/**
 * Everything n8n needs to run quiet, local and reproducible: no telemetry, version checks,
 * templates, banners, license renewals or AI; listening on 127.0.0.1 only; SQLite in the user
 * folder; a fixed encryption key; UTC; n8n's default expression engine. Proxy variables are
 * removed so nothing leaves the machine through them.
 * @param {{ line: string, binDir: string, nodeOptions?: string }} installation
 * @param {string} userFolder
 * @param {EnvOverrides} [extra]  added last; undefined removes a variable
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

module.exports = { ENCRYPTION_KEY, n8nEnv };
