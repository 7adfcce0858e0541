import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { RESEARCH_JOB, endedWork } from '../../shared/agentWork';
import type { OperationSpec } from '../../shared/routing';
import type { WaitSettings } from '../../shared/waiting';

/** The topic of Run (required) and Trends (optional), declared once for both. */
export const queryField: INodeProperties = {
	displayName: 'Query',
	name: 'query',
	type: 'string',
	default: '',
	placeholder: 'e.g. sensitive skin routines',
	description: 'What to research (required for Run); for Trends, the hashtag, keyword, niche or handle to look at (empty: the agent\'s niche)',
	displayOptions: { show: { resource: ['research'], operation: ['run', 'trends'] } },
};

/** A finished research job's `result`; not waiting, the job as GEN answers it. */
export async function resultOf(context: IExecuteSingleFunctions, job: IDataObject, settings: WaitSettings): Promise<INodeExecutionData[]> {
	const ended = await endedWork(context, RESEARCH_JOB, job, settings);
	if (!settings.wait) return [{ json: ended }];
	const { result } = ended;
	return [{ json: result !== null && typeof result === 'object' && !Array.isArray(result) ? (result as IDataObject) : { result: result as IDataObject['result'] } }];
}

/** Run and Trends start a research job: sent at most once (GEN reads `idempotency_key` in the body), then waited for. */
export const researchJob: Pick<OperationSpec, 'answer' | 'expected' | 'idempotencyKey' | 'finish'> = {
	answer: 'object',
	expected: 'a research job',
	idempotencyKey: 'body',
	finish: async (context, job, settings) => await resultOf(context, job, settings as WaitSettings),
};
