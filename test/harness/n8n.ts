/**
 * Runs this package's nodes through n8n's real execution engine (n8n-core's WorkflowExecute,
 * RoutingNode, PackageDirectoryLoader), with the few app-side pieces re-created in this folder.
 * `./env` must stay the first import: it sets N8N_USER_FOLDER before n8n-core loads.
 */
import './env';

export { loadPackage, repoRoot } from './package';
export type { LoadedNodes } from './package';
export { runNode, runWorkflow, createAdditionalData, credentialRefs, DEFAULT_NODE_TYPE } from './run-workflow';
export type {
	CredentialsByType,
	HarnessOptions,
	RunNodeOptions,
	RunNodeResult,
	WorkflowInput,
} from './run-workflow';
export { loadListSearch, testCredential } from './editor';
export type { CredentialTestResult, ListSearchOptions } from './editor';
export { ITEMS_NODE_TYPE, MANUAL_TRIGGER_NODE_TYPE, NO_OP_NODE_TYPE } from './node-types';
