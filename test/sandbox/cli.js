#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * node test/sandbox/cli.js [--port 4010] [--keys N] [--latency MS] [--revoke-style 204|200]
 * Starts the GEN API sandbox on 127.0.0.1 (env GEN_SANDBOX_PORT also sets the port; 0 = free port).
 */

const { startSandbox } = require('./server');

const USAGE = 'usage: node test/sandbox/cli.js [--port 4010] [--keys N] [--latency MS] [--revoke-style 204|200]';

/** @param {string[]} argv */
function parseArgs(argv) {
	/** @type {Record<string, string>} */
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '-h' || arg === '--help') {
			console.log(USAGE);
			process.exit(0);
		}
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
		if (!m || !['port', 'keys', 'latency', 'revoke-style'].includes(m[1])) {
			throw new Error(`unknown argument: ${arg}`);
		}
		const value = m[2] ?? argv[++i];
		if (value === undefined) throw new Error(`missing value for --${m[1]}`);
		out[m[1]] = value;
	}
	return out;
}

/** @param {string | undefined} value @param {string} name @param {number} fallback */
function toInt(value, name, fallback) {
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be an integer >= 0, got "${value}"`);
	return n;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const style = args['revoke-style'] ?? '204';
	if (style !== '204' && style !== '200') throw new Error('--revoke-style must be 204 or 200');
	const sandbox = await startSandbox({
		host: '127.0.0.1',
		port: toInt(args.port ?? process.env.GEN_SANDBOX_PORT, 'port', 4010),
		extraKeys: toInt(args.keys, 'keys', 0),
		latencyMs: toInt(args.latency, 'latency', 0),
		revokeStyle: style,
	});
	console.log(`GEN sandbox listening on ${sandbox.baseUrl}`);
	console.log(`API key: ${sandbox.apiKey}`);
	console.log(`JWT: ${sandbox.jwt}`);
	console.log(`Control: ${sandbox.url}/__sandbox/info`);

	let stopping = false;
	/** @param {NodeJS.Signals} signal */
	const stop = (signal) => {
		if (stopping) return;
		stopping = true;
		console.log(`GEN sandbox stopping (${signal})`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e) => {
	console.error(`GEN sandbox: ${e instanceof Error ? e.message : String(e)}`);
	console.error(USAGE);
	process.exit(1);
});
