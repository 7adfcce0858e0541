import { RESEARCH_JOB, getJobOperation } from '../../shared/agentWork';
import { resultOf } from './shared';

export const getJob = getJobOperation(RESEARCH_JOB, {
	action: 'Get a research job and its result',
	description:
		"Pick up a research or trends job (e.g. after a timeout): waits until it ends and outputs GEN's result; Wait for Completion off: the job as it is",
	finish: resultOf,
});
