// Types for n8n.js (its JSDoc is the source of truth) so TypeScript tests can import it.
// n8n.js gathers the public API of its parts; so does this file.
export type { Line, LineInfo, Installation } from './install';
export { repoRoot, LINES, install } from './install';
export type { RunResult } from './processes';
export { run, spawnTracked, stopProcess, stopAll, freePort } from './processes';
export { PACKAGE_NAME, NODE_TYPE, packPackage, createUserFolder, installPackageTarball } from './package';
export type { HttpResult, Owner } from './rest';
export type { ExecuteResult, N8nServer, EnvOverrides, CredentialImport } from './instance';
export {
	N8nInstance,
	ENCRYPTION_KEY,
	OWNER,
	n8nEnv,
	parseExecuteOutput,
	genApiCredential,
	genJwtCredential,
	createInstance,
} from './instance';
