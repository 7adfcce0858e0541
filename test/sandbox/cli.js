#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * node test/sandbox/cli.js [--port 4010] [--keys N] [--latency MS] [--revoke-style 204|200]
 *   [--generation-ms 3000] [--cdn-port 0] [--no-credits]
 * Starts the GEN API sandbox on 127.0.0.1 (env GEN_SANDBOX_PORT also sets the port; 0 = free port).
 */

const { startSandbox } = require('./server');

const USAGE =
	'usage: node test/sandbox/cli.js [--port 4010] [--keys N] [--latency MS] [--revoke-style 204|200]' +
	' [--generation-ms 3000] [--cdn-port 0] [--no-credits]';

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
		if (arg === '--no-credits') {
			out['no-credits'] = 'true';
			continue;
		}
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
		if (!m || !['port', 'keys', 'latency', 'revoke-style', 'generation-ms', 'cdn-port'].includes(m[1])) {
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
		generationMs: toInt(args['generation-ms'], 'generation-ms', 3000),
		cdnPort: toInt(args['cdn-port'], 'cdn-port', 0),
		credits: args['no-credits'] === undefined,
	});
	const { seed } = sandbox;
	const engine = sandbox.state.content.engines.find((e) => e.id === seed.engineId);
	console.log(`GEN sandbox listening on ${sandbox.baseUrl}`);
	console.log(`API key: ${sandbox.apiKey}`);
	console.log(`JWT: ${sandbox.jwt}`);
	console.log(`CDN: ${sandbox.cdn.url} (no credentials; *.png, *.mp3, *.mp4)`);
	console.log(
		`Agent: ${seed.agentId} (workspace/organization ${seed.organizationId})   ` +
			`Vidsheet (content engine): ${seed.engineId} "${engine?.title}"`,
	);
	console.log(
		`  columns ${engine?.columns.map((c) => `${c.id} ${c.title}`).join(', ')}; rows ${seed.rows.join(', ')}; ` +
			`empty Script cells ${seed.emptyScriptCells.join(', ')}`,
	);
	console.log(`  e.g. GET ${sandbox.baseUrl}/vidsheet/${seed.engineId}?agent_id=${seed.agentId}`);
	console.log(
		`Generations take ${sandbox.state.content.generationMs} ms; credits ${sandbox.state.content.creditsEnabled ? 'on' : 'OFF'}; ` +
			`templates: ${seed.templateSlugs.length} (GET ${sandbox.baseUrl}/templates/projects?page=1)`,
	);
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
