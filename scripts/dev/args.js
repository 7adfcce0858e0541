// @ts-check
'use strict';

// `npm run dev`'s command line: its options and their usage text.

const path = require('node:path');
const { repoRoot } = require('../e2e/lib/n8n');

const defaultUserFolder = path.join(repoRoot, '.cache/dev-n8n');
const userFolder = defaultUserFolder;

const USAGE = `usage: npm run dev -- [--fresh] [--port 5678] [--sandbox-port 4010] [--logs] [--skip-build] [--user-folder DIR]
  --fresh          start from a new dev user folder (${path.relative(repoRoot, userFolder)}): owner, credential, workflows, executions reset
  --port N         n8n's port (default 5678)
  --sandbox-port N the GEN sandbox's port (default 4010; a free one when taken)
  --logs           also print n8n's log here (always written to <user folder>/n8n.log)
  --skip-build     do not run npm run build first (dist/ must exist)
  --user-folder D  the n8n user folder to use instead of ${path.relative(repoRoot, userFolder)}`;

/** @param {string[]} argv */
function parseArgs(argv) {
	const options = { fresh: false, port: 5678, sandboxPort: 4010, logs: false, build: true, userFolder: defaultUserFolder };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.split('=', 2);
		const value = () => {
			const text = inline ?? argv[++i];
			const number = Number(text);
			if (!Number.isInteger(number) || number < 0 || number > 65535) throw new Error(`${flag} needs a port number, got "${text}"`);
			return number;
		};
		if (flag === '--fresh') options.fresh = true;
		else if (flag === '--logs') options.logs = true;
		else if (flag === '--skip-build') options.build = false;
		else if (flag === '--port') options.port = value();
		else if (flag === '--sandbox-port') options.sandboxPort = value();
		else if (flag === '--user-folder') {
			const text = inline ?? argv[++i];
			if (!text) throw new Error('--user-folder needs a folder');
			options.userFolder = path.resolve(text);
		}
		else if (flag === '-h' || flag === '--help') {
			console.log(USAGE);
			process.exit(0);
		} else throw new Error(`unknown argument ${arg}\n${USAGE}`);
	}
	return options;
}

module.exports = { parseArgs, defaultUserFolder };
