import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { IDEAS_JOB, endedWork } from '../../shared/agentWork';
import { listLocator } from '../../shared/descriptions';
import { idValue } from '../../shared/input';
import type { WaitSettings } from '../../shared/waiting';

/** GEN's eight idea statuses, in the order of its review flow, then the side tracks. */
export const IDEA_STATUSES: INodePropertyOptions[] = [
	{ name: 'Generated', value: 'generated' },
	{ name: 'Approve to Create', value: 'approve_to_create' },
	{ name: 'Ready for Review', value: 'ready_for_review' },
	{ name: 'Approved to Post', value: 'approved_to_post' },
	{ name: 'Posted', value: 'posted' },
	{ name: 'Change Idea', value: 'change_idea' },
	{ name: 'Change Video', value: 'change_video' },
	{ name: 'Rejected', value: 'rejected' },
];

/** The idea an operation acts on: From List (the agent's ideas) or By ID. */
export const ideaIdLocator: INodeProperties = listLocator(
	{ name: 'ideaId', displayName: 'Idea', description: "One of the agent's content ideas", idPlaceholder: 'e.g. 123' },
	'getIdeas',
	{ resource: ['idea'], operation: ['get', 'setStatus', 'expand', 'createVideo'] },
);

/** The job Idea > Get Job and Research > Get Job pick up, declared once for both. */
export const jobIdField: INodeProperties = {
	displayName: 'Job ID',
	name: 'jobId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. job_1',
	description: 'The job_id GEN gave the job (in the output of Idea > Generate or Research > Run / Trends with Wait for Completion off, or in a timeout error)',
	displayOptions: { show: { resource: ['idea', 'research'], operation: ['getJob'] } },
};

export const ideaIds = (context: IExecuteSingleFunctions) => ({ ideaId: idValue(context, 'ideaId', 'Idea') });

/** A finished ideas job as one item per idea; not waiting, the job as GEN answers it. */
export async function ideasOf(context: IExecuteSingleFunctions, job: IDataObject, settings: WaitSettings): Promise<INodeExecutionData[]> {
	const ended = await endedWork(context, IDEAS_JOB, job, settings);
	if (!settings.wait) return [{ json: ended }];
	const ideas = Array.isArray(ended.ideas) ? (ended.ideas as unknown[]) : [];
	return ideas.map((idea) => ({ json: idea !== null && typeof idea === 'object' ? (idea as IDataObject) : { idea: idea as IDataObject['idea'] } }));
}
