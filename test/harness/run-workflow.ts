import './env';
import { ExecutionLifecycleHooks, ExternalSecretsProxy, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	ICredentialsHelper,
	IConnections,
	IDataObject,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeParameters,
	INodeTypes,
	IPinData,
	IRun,
	IRunData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
} from 'n8n-workflow';
import { UnexpectedError, Workflow, deepCopy } from 'n8n-workflow';

import { CredentialsHelper } from './credentials-helper';
import { ITEMS_NODE_TYPE, MANUAL_TRIGGER_NODE_TYPE } from './node-types';
import { loadPackage } from './package';

/** Decrypted credential data keyed by credential type, e.g. `{ genApi: { apiKey, baseUrl } }`. */
export type CredentialsByType = Record<string, ICredentialDataDecryptedObject>;

export const DEFAULT_NODE_TYPE = 'n8n-nodes-gen.gen';

/** A node's `credentials` field pointing at the in-memory credentials (id = name = type). */
export function credentialRefs(credentials: CredentialsByType = {}): INodeCredentials | undefined {
	const types = Object.keys(credentials);
	if (types.length === 0) return undefined;
	return Object.fromEntries(types.map((type) => [type, { id: type, name: type }]));
}

function notInHarness(what: string) {
	return async () => {
		throw new UnexpectedError(`${what} is not available in the test harness`);
	};
}

/**
 * IWorkflowExecuteAdditionalData with what n8n-core reads while running a node (the app builds it
 * in packages/cli/src/workflow-execute-additional-data.ts; n8n's own node tests use a mock).
 * URLs point at 127.0.0.1 so nothing can leak out.
 */
export function createAdditionalData(
	credentialsHelper: ICredentialsHelper,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	const base = 'http://127.0.0.1:5678';
	return {
		credentialsHelper,
		executionId: '1',
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		// No secrets manager attached: `$secrets` resolves to nothing, as with none configured.
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: notInHarness('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: notInHarness('startRunnerTask'),
		logAiEvent: () => {},
		...extra,
	};
}

export interface WorkflowInput {
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

export interface HarnessOptions {
	/** Package to load node types from; default: this repository (needs `npm run build`). */
	packageDir?: string;
	/** Called once the run has started, with what the app calls when a user cancels the execution. */
	onStarted?: (cancel: () => void) => void;
	/** The execution's ID (default '1'), as the app numbers executions. */
	executionId?: string;
}

/**
 * Runs a workflow through n8n-core's WorkflowExecute in 'manual' mode (the editor's "Execute
 * workflow"), starting from its trigger. Node failures end up in the returned IRun
 * (`data.resultData.error`, `runData[node][0].error`), not as a rejection.
 */
export async function runWorkflow(
	workflow: WorkflowInput,
	credentials: CredentialsByType = {},
	options: HarnessOptions = {},
): Promise<IRun> {
	const { nodeTypes, credentialTypes } = await loadPackage(options.packageDir);
	// Workflow fills parameter defaults into the nodes in place; keep the caller's objects intact.
	const nodes = deepCopy(workflow.nodes);
	const settings: IWorkflowSettings = { executionOrder: 'v1', ...workflow.settings };
	const workflowData: IWorkflowBase = {
		id: 'harness',
		name: 'Harness',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections: workflow.connections,
		settings,
	};
	const instance = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections: workflow.connections,
		nodeTypes,
		active: false,
		settings,
		pinData: workflow.pinData,
	});
	const executionId = options.executionId ?? '1';
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const credentialsHelper = new CredentialsHelper(credentialTypes, deepCopy(credentials));
	const additionalData = createAdditionalData(credentialsHelper, { hooks, executionId });
	const running = new WorkflowExecute(additionalData, 'manual').run({ workflow: instance, pinData: workflow.pinData });
	options.onStarted?.(() => running.cancel());
	return await running;
}

export interface RunNodeOptions extends HarnessOptions {
	/** The node's parameters, as saved in a workflow (defaults are filled in by n8n). */
	parameters: INodeParameters;
	credentials?: CredentialsByType;
	/** Input items; default: the single empty item a manual trigger emits. */
	items?: IDataObject[];
	/** Node setting "On Error: Continue" (onError: 'continueRegularOutput'). */
	continueOnFail?: boolean;
	/** Node setting "Retry On Fail", with Max. Tries (n8n's default 3; no wait between tries here). */
	retryOnFail?: { maxTries?: number };
	nodeType?: string;
	/** Default: the node type's latest version. */
	typeVersion?: number;
	/** Workflow settings, e.g. `{ timezone: 'Asia/Tokyo' }`. */
	settings?: IWorkflowSettings;
}

export interface RunNodeResult {
	/** Output of the node under test (main output 0). */
	items: INodeExecutionData[];
	/**
	 * The node's error when the run failed. A plain-object copy of the NodeApiError /
	 * NodeOperationError (n8n-core spreads it into the run data), so assert on `message`,
	 * `description`, `httpCode`, `name` rather than `instanceof`.
	 */
	error?: ExecutionError;
	runData: IRunData;
	run: IRun;
}

/** The node type at `typeVersion`, or at its latest version (what the editor puts on a new node). */
export function resolveNodeType(nodeTypes: INodeTypes, type: string, typeVersion?: number) {
	const nodeType = nodeTypes.getByNameAndVersion(type, typeVersion);
	const { version } = nodeType.description;
	return {
		nodeType,
		typeVersion: typeVersion ?? (Array.isArray(version) ? version[version.length - 1] : version),
	};
}

/**
 * Runs one node behind a manual trigger (and an items source when `items` is given). A node
 * failure comes back as `error`; this rejects only on harness misuse (unknown node type, package
 * not built).
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const { nodeTypes } = await loadPackage(options.packageDir);
	const type = options.nodeType ?? DEFAULT_NODE_TYPE;
	const { nodeType, typeVersion } = resolveNodeType(nodeTypes, type, options.typeVersion);
	const { description } = nodeType;
	const name = description.defaults.name ?? description.displayName;

	const nodes: INode[] = [
		{
			id: 'trigger',
			name: 'Manual Trigger',
			type: MANUAL_TRIGGER_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	if (options.items) {
		nodes.push({
			id: 'items',
			name: 'Items',
			type: ITEMS_NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: { items: JSON.stringify(options.items) },
		});
	}
	nodes.push({
		id: 'node-under-test',
		name,
		type,
		typeVersion,
		position: [400, 0],
		parameters: options.parameters,
		credentials: credentialRefs(options.credentials),
		...(options.continueOnFail && { onError: 'continueRegularOutput' as const }),
		...(options.retryOnFail && { retryOnFail: true, maxTries: options.retryOnFail.maxTries ?? 3, waitBetweenTries: 0 }),
	});

	const connections: IConnections = {};
	for (let i = 1; i < nodes.length; i++) {
		connections[nodes[i - 1].name] = { main: [[{ node: nodes[i].name, type: 'main', index: 0 }]] };
	}

	const run = await runWorkflow({ nodes, connections, settings: options.settings }, options.credentials, options);
	const { runData } = run.data.resultData;
	const task = runData[name]?.[0];
	return {
		items: task?.data?.main?.[0] ?? [],
		error: task?.error ?? run.data.resultData.error,
		runData,
		run,
	};
}
