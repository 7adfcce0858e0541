import { genOperation } from '../../shared/routing';
import { waitSettings, type WaitSettings } from '../../shared/waiting';
import { runIds, runOutput } from './shared';

export const getRun = genOperation({
	option: {
		name: 'Get Run',
		value: 'getRun',
		action: 'Get an agent run and its answer',
		description:
			'Pick up an agent run (e.g. after a timeout, or after Approve): waits until it ends and outputs it like Ask; Wait for Completion off: the run as it is',
	},
	method: 'GET',
	path: '/agent/runs/{runId}',
	host: 'agent',
	request: (context) => ({ ids: runIds(context), keep: waitSettings(context) }),
	answer: 'object',
	expected: 'an agent run',
	finish: async (context, run, settings) => await runOutput(context, run, settings as WaitSettings),
	fields: [],
});
