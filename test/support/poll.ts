import { PollContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, INodeParameters, WorkflowExecuteMode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { createAdditionalData, credentialRefs, loadPackage } from '../harness/n8n';
import { CredentialsHelper } from '../harness/credentials-helper';
import type { Sandbox } from '../sandbox/server';
import { genCredentials } from './gen';

export const TRIGGER_TYPE = 'n8n-nodes-gen.genTrigger';

/** One poll of the GEN Trigger through n8n-core's real PollContext, with the static data the test keeps. */
export async function pollTrigger(
	sandbox: Sandbox,
	parameters: INodeParameters,
	{ staticData = {}, mode = 'trigger', credentials = genCredentials(sandbox), budgetMs }: {
		staticData?: IDataObject;
		mode?: WorkflowExecuteMode;
		credentials?: ReturnType<typeof genCredentials> | Record<string, IDataObject>;
		budgetMs?: number;
	} = {},
): Promise<INodeExecutionData[][] | null> {
	const { nodeTypes, credentialTypes } = await loadPackage();
	const node: INode = {
		id: 'trigger',
		name: 'GEN Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: credentialRefs(credentials as never),
	};
	const workflow = new Workflow({ id: 'poll', nodes: [node], connections: {}, nodeTypes, active: true });
	const additionalData = createAdditionalData(new CredentialsHelper(credentialTypes, JSON.parse(JSON.stringify(credentials))));
	const context = new PollContext(
		workflow,
		workflow.getNode('GEN Trigger')!,
		additionalData,
		mode,
		'init',
		undefined,
		undefined,
		undefined,
		undefined,
		() => staticData,
		budgetMs === undefined ? undefined : () => budgetMs,
	);
	const nodeType = nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1);
	return await nodeType.poll!.call(context);
}
