import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { AGENT_RUN, endedWork, withoutStreamUrl } from '../../shared/agentWork';
import { checkedId } from '../../shared/input';
import type { WaitSettings } from '../../shared/waiting';

export const runIdField: INodeProperties = {
	displayName: 'Run ID',
	name: 'runId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 8b5c1d3e-2a4f-4c6d-9e0f-1a2b3c4d5e6f',
	description: 'The run_id GEN gave the run (in the output of Agent Chat > Ask, or in a timeout error)',
	displayOptions: { show: { resource: ['agentChat'], operation: ['getRun', 'approve', 'reject'] } },
};

export const runIds = (context: IExecuteSingleFunctions) => ({
	runId: checkedId(context, context.getNodeParameter('runId', ''), 'Run ID'),
});

type Message = { role?: unknown; content?: unknown };

/** The last assistant message's text: what the agent answered. */
function answerOf(messages: unknown[]): string | null {
	const last = [...messages].reverse().find((message) => (message as Message)?.role === 'assistant') as Message | undefined;
	if (last === undefined) return null;
	return typeof last.content === 'string' ? last.content : JSON.stringify(last.content ?? null);
}

/**
 * An ended run as one item: the answer and messages, or, awaiting approval, GEN's pending action
 * (Approve or Reject hand it on). Not waiting: the run as GEN answers it. Never the stream URL.
 */
export async function runOutput(
	context: IExecuteSingleFunctions,
	started: IDataObject,
	settings: WaitSettings,
): Promise<INodeExecutionData[]> {
	const run = withoutStreamUrl(await endedWork(context, AGENT_RUN, started, settings));
	if (!settings.wait) return [{ json: run }];
	const head = {
		run_id: run.run_id ?? started.run_id,
		conversation_id: run.conversation_id ?? started.conversation_id ?? null,
		status: run.status,
	};
	const messages = Array.isArray(run.messages) ? run.messages : [];
	if (run.status === 'awaiting_approval') {
		return [{ json: { ...head, pending_action: run.pending_action ?? null, messages } }];
	}
	return [{ json: { ...head, answer: answerOf(messages), messages } }];
}
