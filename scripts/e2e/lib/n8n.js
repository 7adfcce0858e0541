// @ts-check
'use strict';

/**
 * Drives the REAL n8n application for end-to-end tests, benchmarks and `npm run dev`.
 * Plain CommonJS, no dependencies, runs on Node 20 and later. Types: JSDoc in each part, checked by
 * `npm run typecheck`; the types TypeScript tests use are re-exported below.
 * This file only gathers the public API of its parts:
 *
 *   ./install.js    LINES, install(line): n8n and the Node it runs on, cached in .cache/
 *   ./processes.js  run, spawnTracked, stopProcess, stopAll, freePort: own process group per child
 *   ./package.js    packPackage, createUserFolder, installPackageTarball: the package as users get it
 *   ./rest.js       the HTTP side of `n8n start`: readiness, owner setup/login, JSON requests
 *   ./env.js        n8nEnv: the environment of every n8n process
 *   ./credentials.js  genApiCredential, genJwtCredential: credentials in import form
 *   ./execute-output.js  parseExecuteOutput: what `n8n execute --rawOutput` printed
 *   ./instance.js   N8nInstance, createInstance (and re-exports of the three above)
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
 *   install(line) → {line, version, dir, nodeDir, binDir, nodeBin, n8nBin, …}; run n8n as `nodeBin n8nBin …`
 *   packPackage() → tarball path (`npm pack` of the repo, once per process; build first)
 *   createUserFolder(label) → a new temp folder to use as N8N_USER_FOLDER
 *   installPackageTarball(userFolder, tarball) → <userFolder>/.n8n/nodes/node_modules/n8n-nodes-gen,
 *     the same steps as n8n's own community-package install (node type `n8n-nodes-gen.gen`)
 *   n8nEnv(installation, userFolder, extra) → env for an n8n process: quiet, local, SQLite, UTC
 *   new N8nInstance(installation, userFolder, envOverrides) → the object createInstance returns
 *   run(cmd, args, opts), spawnTracked(cmd, args, opts), stopProcess(child), stopAll(), freePort()
 *   parseExecuteOutput(stdout), genApiCredential(…), genJwtCredential(…)
 *
 * N8N_E2E_KEEP=1 keeps user folders for diagnosis.
 */

const { repoRoot, LINES, install } = require('./install');
const { run, spawnTracked, stopProcess, stopAll, freePort } = require('./processes');
const { PACKAGE_NAME, NODE_TYPE, packPackage, createUserFolder, installPackageTarball } = require('./package');
const instance = require('./instance');

/**
 * @typedef {import('./install').Line} Line
 * @typedef {import('./install').LineInfo} LineInfo
 * @typedef {import('./install').Installation} Installation
 * @typedef {import('./processes').RunResult} RunResult
 * @typedef {import('./rest').HttpResult} HttpResult
 * @typedef {import('./rest').Owner} Owner
 * @typedef {import('./execute-output').ExecuteResult} ExecuteResult
 * @typedef {import('./instance').N8nServer} N8nServer
 * @typedef {import('./env').EnvOverrides} EnvOverrides
 * @typedef {import('./credentials').CredentialImport} CredentialImport
 */

module.exports = {
	repoRoot,
	LINES,
	PACKAGE_NAME,
	NODE_TYPE,
	ENCRYPTION_KEY: instance.ENCRYPTION_KEY,
	OWNER: instance.OWNER,
	install,
	packPackage,
	createUserFolder,
	installPackageTarball,
	n8nEnv: instance.n8nEnv,
	freePort,
	run,
	spawnTracked,
	stopProcess,
	stopAll,
	parseExecuteOutput: instance.parseExecuteOutput,
	genApiCredential: instance.genApiCredential,
	genJwtCredential: instance.genJwtCredential,
	createInstance: instance.createInstance,
};
// assigned on its own so TypeScript sees the class as a type too (`n8n.N8nInstance`)
module.exports.N8nInstance = instance.N8nInstance;
