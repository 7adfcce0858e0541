import './env';
import type { ExecuteContext, PackageDirectoryLoader } from 'n8n-core';
import { RoutingNode, UnrecognizedNodeTypeError } from 'n8n-core';
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports -- harness code runs in Node, not inside n8n
import { createReadStream } from 'node:fs';
import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeType,
	INodeTypes,
	ITriggerFunctions,
	ITriggerResponse,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, jsonParse } from 'n8n-workflow';

/** Type of the harness' "emit these items" node; its `items` parameter is a JSON string. */
export const ITEMS_NODE_TYPE = 'n8n-nodes-harness.items';
export const MANUAL_TRIGGER_NODE_TYPE = 'n8n-nodes-base.manualTrigger';
export const NO_OP_NODE_TYPE = 'n8n-nodes-base.noOp';

const main = [NodeConnectionTypes.Main];

/**
 * Stand-ins for the few n8n-nodes-base nodes a workflow around the node under test needs, so
 * n8n-nodes-base (hundreds of MB) isn't a dependency. They behave like the real ones.
 */
const harnessNodeTypes: Record<string, INodeType> = {
	[MANUAL_TRIGGER_NODE_TYPE]: {
		description: {
			displayName: 'Manual Trigger',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Runs the flow on clicking a button in n8n',
			defaults: { name: 'When clicking ‘Execute workflow’' },
			inputs: [],
			outputs: main,
			properties: [],
		},
		// Same as n8n's ManualTrigger: in manual mode WorkflowExecute calls manualTriggerFunction.
		async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
			const manualTriggerFunction = async () => this.emit([this.helpers.returnJsonArray([{}])]);
			return { manualTriggerFunction };
		},
	},
	[NO_OP_NODE_TYPE]: {
		description: {
			displayName: 'No Operation, do nothing',
			name: 'noOp',
			group: ['organization'],
			version: 1,
			description: 'No Operation',
			defaults: { name: 'No Operation, do nothing' },
			inputs: main,
			outputs: main,
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			return [this.getInputData()];
		},
	},
	[ITEMS_NODE_TYPE]: {
		description: {
			displayName: 'Items',
			name: 'items',
			group: ['input'],
			version: 1,
			description: 'Emits fixed items (test harness only)',
			defaults: { name: 'Items' },
			inputs: main,
			outputs: main,
			// A JSON string rather than an object: string values inside an object parameter that
			// start with "=" would be evaluated as expressions.
			properties: [{ displayName: 'Items', name: 'items', type: 'string', default: '[]' }],
		},
		async execute(this: IExecuteFunctions) {
			const items = jsonParse<IDataObject[]>(this.getNodeParameter('items', 0) as string);
			return [await Promise.all(items.map(async (json) => ({ ...(await withBinary(this, json)), pairedItem: { item: 0 } })))];
		},
	},
};

/** A file an item carries as binary data: a file read as a stream (like Read/Write Files from Disk) or bytes. */
export type BinaryFile = { path?: string; base64?: string; fileName?: string; mimeType?: string };

/** An item whose `__binary` field names files gets them as binary data, stored by n8n's helpers. */
async function withBinary(context: IExecuteFunctions, { __binary, ...json }: IDataObject) {
	if (!__binary) return { json };
	const binary: IBinaryKeyData = {};
	for (const [property, file] of Object.entries(__binary as Record<string, BinaryFile>)) {
		const data = file.path ? createReadStream(file.path) : Buffer.from(file.base64 ?? '', 'base64');
		binary[property] = await context.helpers.prepareBinaryData(data, file.fileName ?? file.path, file.mimeType);
	}
	return { json, binary };
}

/**
 * packages/cli/src/utils.ts `shouldAssignExecuteMethod` (current version, which also lets a
 * declarative node have `methods`, e.g. listSearch). Older app versions left such nodes without
 * `execute`; WorkflowExecute then runs the same RoutingNode via executeDeclarativeNodeInTest.
 */
function shouldAssignExecuteMethod(nodeType: INodeType) {
	const isDeclarativeNode = nodeType?.description?.requestDefaults !== undefined;
	return (
		!nodeType.execute &&
		!nodeType.poll &&
		!nodeType.trigger &&
		(!nodeType.webhook || isDeclarativeNode) &&
		(!nodeType.methods || isDeclarativeNode)
	);
}

/**
 * INodeTypes over one loaded package plus the harness nodes: the parts of the app's
 * packages/cli/src/node-types.ts (NodeTypes) that execute a community node.
 */
export class NodeTypes implements INodeTypes {
	constructor(private readonly loader: PackageDirectoryLoader) {}

	getByName(fullType: string): INodeType | IVersionedNodeType {
		if (fullType in harnessNodeTypes) return harnessNodeTypes[fullType];
		// Same split as LoadNodesAndCredentials.getNode: "<package>.<node>".
		const [packageName, nodeType] = fullType.split('.');
		if (packageName !== this.loader.packageName) {
			throw new UnrecognizedNodeTypeError(packageName, nodeType);
		}
		return this.loader.getNode(nodeType).type;
	}

	getByNameAndVersion(fullType: string, version?: number): INodeType {
		const versionedNodeType = NodeHelpers.getVersionedNodeType(this.getByName(fullType), version);
		if (shouldAssignExecuteMethod(versionedNodeType)) {
			// As the app does: mutate the loaded type once so WorkflowExecute sees a normal node.
			versionedNodeType.execute = async function (this: IExecuteFunctions) {
				const routingNode = new RoutingNode(this as ExecuteContext, versionedNodeType);
				const data = await routingNode.runNode();
				return data ?? [];
			};
		}
		return versionedNodeType;
	}

	getKnownTypes(): IDataObject {
		const known: IDataObject = {};
		for (const [name, info] of Object.entries(this.loader.known.nodes)) {
			known[`${this.loader.packageName}.${name}`] = info;
		}
		return known;
	}
}
