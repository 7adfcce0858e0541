import { checkedId } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { waitSettings, type WaitSettings } from '../../shared/waiting';
import { ideasOf } from './shared';

export const getJob = genOperation({
	option: {
		name: 'Get Job',
		value: 'getJob',
		action: 'Get an ideas job and its ideas',
		description:
			'Pick up an ideas job (e.g. after a timeout): waits until it ends and outputs one item per idea; Wait for Completion off: the job as it is',
	},
	method: 'GET',
	path: '/ideas/jobs/{jobId}',
	host: 'agent',
	request: (context) => ({
		ids: { jobId: checkedId(context, context.getNodeParameter('jobId', ''), 'Job ID') },
		keep: waitSettings(context),
	}),
	answer: 'object',
	expected: 'an ideas job',
	finish: async (context, job, settings) => await ideasOf(context, job, settings as WaitSettings),
	fields: [],
});
