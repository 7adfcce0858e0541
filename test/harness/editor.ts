/** What the editor does besides running workflows: resource-locator lists and credential tests. */
import './env';
import { CredentialTestContext, ExecuteContext, LoadOptionsContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunction,
	ICredentialTestRequest,
	ICredentialsDecrypted,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import {
	NodeHelpers,
	UnexpectedError,
	VersionedNodeType,
	Workflow,
	createRunExecutionData,
	deepCopy,
} from 'n8n-workflow';

import type { CredentialsByType, HarnessOptions } from './run-workflow';
import {
	DEFAULT_NODE_TYPE,
	createAdditionalData,
	credentialRefs,
	resolveNodeType,
} from './run-workflow';
import { CredentialsHelper } from './credentials-helper';
import type { CredentialTypes } from './credential-types';
import { NO_OP_NODE_TYPE } from './node-types';
import { loadPackage } from './package';

export interface ListSearchOptions extends HarnessOptions {
	/** The node's parameters as saved; defaults are filled in, as in the editor's request. */
	parameters: INodeParameters;
	credentials?: CredentialsByType;
	filter?: string;
	paginationToken?: string;
	nodeType?: string;
	typeVersion?: number;
	/** Path of the resource-locator parameter, e.g. 'parameters.apiKeyId'. */
	path?: string;
}

/**
 * Calls `methods.listSearch[methodName]` with n8n-core's LoadOptionsContext, as the app's
 * DynamicNodeParametersService.getResourceLocatorResults does for a resource locator's list mode.
 * Rejects with the method's error (the editor shows it in the list).
 */
export async function loadListSearch(
	methodName: string,
	options: ListSearchOptions,
): Promise<INodeListSearchResult> {
	const { nodeTypes, credentialTypes } = await loadPackage(options.packageDir);
	const type = options.nodeType ?? DEFAULT_NODE_TYPE;
	const { nodeType, typeVersion } = resolveNodeType(nodeTypes, type, options.typeVersion);
	const method = nodeType.methods?.listSearch?.[methodName];
	if (typeof method !== 'function') {
		throw new UnexpectedError('Node type does not have method defined', {
			tags: { nodeType: type },
			extra: { methodName },
		});
	}

	const node: INode = {
		parameters: deepCopy(options.parameters),
		id: 'uuid-1234',
		name: 'Temp-Node',
		type,
		typeVersion,
		position: [0, 0],
		credentials: credentialRefs(options.credentials),
	};
	// The editor's store holds parameters with defaults filled in, and sends those; credential
	// displayOptions (e.g. `authentication: ['apiKey']`) are checked against them.
	const parameters = NodeHelpers.getNodeParameters(
		nodeType.description.properties,
		deepCopy(options.parameters),
		true,
		false,
		node,
		nodeType.description,
	) as INodeParameters;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const credentialsHelper = new CredentialsHelper(credentialTypes, deepCopy(options.credentials ?? {}));
	const additionalData = createAdditionalData(credentialsHelper, {
		currentNodeParameters: parameters,
	});
	const context = new LoadOptionsContext(
		workflow,
		workflow.nodes['Temp-Node'],
		additionalData,
		options.path ?? 'parameters',
	);
	return await method.call(context, options.filter, options.paginationToken);
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
	/** Not in the app's answer: the HTTP status of a failed test request, for assertions. */
	statusCode?: number;
}

type TestFunction = ICredentialTestFunction | { nodeType?: INodeType; testRequest: ICredentialTestRequest };

/** CredentialsTester.getCredentialTestFunction: the credential's `test`, else a node's `testedBy`. */
function getCredentialTestFunction(
	credentialType: string,
	credentialTypes: CredentialTypes,
	nodeTypes: INodeTypes,
): TestFunction | undefined {
	const type = credentialTypes.getByName(credentialType);
	if (type.test) return { testRequest: type.test };

	for (const nodeName of credentialTypes.getSupportedNodes(credentialType)) {
		const node = nodeTypes.getByName(nodeName);
		const versions: INodeType[] =
			node instanceof VersionedNodeType
				? Object.values((node as IVersionedNodeType).nodeVersions)
				: [node as INodeType];
		for (const nodeType of versions) {
			for (const { name, testedBy } of nodeType.description.credentials ?? []) {
				if (name !== credentialType || !testedBy) continue;
				if (typeof testedBy === 'string') return nodeType.methods?.credentialTest?.[testedBy];
				return { nodeType, testRequest: testedBy };
			}
		}
	}
	return undefined;
}

/** lodash.get for "a.b[0].c" paths (lodash isn't a dependency of this package). */
function getPath(value: unknown, path: string): unknown {
	return path
		.replace(/\[(\d+)\]/g, '.$1')
		.split('.')
		.reduce<unknown>((obj, key) => (obj as Record<string, unknown> | undefined)?.[key], value);
}

/**
 * Tests credential data like the app's CredentialsTester.testCredentials (the editor's "Test"
 * button / credential save): defaults and expressions applied, then the credential's
 * `test.request` sent through RoutingNode with the credential's `authenticate`. OK on 2xx; an
 * Error with the status text (or "Received HTTP status code: N") otherwise.
 */
export async function testCredential(
	credentialType: string,
	data: ICredentialDataDecryptedObject,
	{ packageDir }: HarnessOptions = {},
): Promise<CredentialTestResult> {
	const { nodeTypes, credentialTypes } = await loadPackage(packageDir);
	const testFunction = getCredentialTestFunction(credentialType, credentialTypes, nodeTypes);
	if (testFunction === undefined) {
		return { status: 'Error', message: 'No testing function found for this credential.' };
	}

	const credentialsHelper = new CredentialsHelper(credentialTypes, {
		[credentialType]: deepCopy(data),
	});
	const additionalData = createAdditionalData(credentialsHelper);
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: credentialType,
		name: credentialType,
		type: credentialType,
		data: deepCopy(data),
	};
	try {
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndOverwrites(
			additionalData,
			deepCopy(data),
			credentialType,
			'internal',
		);
	} catch (error) {
		return { status: 'Error', message: (error as Error).message.toString() };
	}

	if (typeof testFunction === 'function') {
		return await testFunction.call(new CredentialTestContext(), credentialsDecrypted);
	}

	// A throw-away node whose only parameter routes the test request (as the app builds it).
	const baseType = testFunction.nodeType ?? nodeTypes.getByNameAndVersion(NO_OP_NODE_TYPE);
	const nodeTypeCopy: INodeType = {
		description: {
			...baseType.description,
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testFunction.testRequest.request },
					default: '',
				},
			],
		},
	};
	const { version } = baseType.description;
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: testFunction.nodeType ? baseType.description.name : NO_OP_NODE_TYPE,
		typeVersion: Array.isArray(version) ? version[version.length - 1] : version,
		position: [0, 0],
		credentials: credentialRefs({ [credentialType]: data }),
	};
	const mockNodeTypes: INodeTypes = {
		getByName: () => nodeTypeCopy,
		getByNameAndVersion: () => nodeTypeCopy,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: mockNodeTypes });
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const { rules } = testFunction.testRequest;

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(context, nodeTypeCopy, credentialsDecrypted).runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			const statusCode = cause.response.status;
			for (const rule of rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === statusCode) {
					return { status: 'Error', message: rule.properties.message, statusCode };
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return {
					status: 'Error',
					message: cause.response.statusText || `Received HTTP status code: ${statusCode}`,
					statusCode,
				};
			}
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: (error as Error).message.toString() };
	}

	for (const rule of rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const body = response?.[0]?.[0]?.json;
			if (getPath(body, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
