import { checkedId } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { waitSettings, type WaitSettings } from '../../shared/waiting';
import { resultOf } from './shared';

export const getJob = genOperation({
	option: {
		name: 'Get Job',
		value: 'getJob',
		action: 'Get a research job and its result',
		description:
			"Pick up a research or trends job (e.g. after a timeout): waits until it ends and outputs GEN's result; Wait for Completion off: the job as it is",
	},
	method: 'GET',
	path: '/analyze/jobs/{jobId}',
	host: 'agent',
	request: (context) => ({
		ids: { jobId: checkedId(context, context.getNodeParameter('jobId', ''), 'Job ID') },
		keep: waitSettings(context),
	}),
	answer: 'object',
	expected: 'a research job',
	finish: async (context, job, settings) => await resultOf(context, job, settings as WaitSettings),
	fields: [],
});
