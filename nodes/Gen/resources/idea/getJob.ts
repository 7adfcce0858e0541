import { IDEAS_JOB, getJobOperation } from '../../shared/agentWork';
import { ideasOf } from './shared';

export const getJob = getJobOperation(IDEAS_JOB, {
	action: 'Get an ideas job and its ideas',
	description:
		'Pick up an ideas job (e.g. after a timeout): waits until it ends and outputs one item per idea; Wait for Completion off: the job as it is',
	finish: ideasOf,
});
