import { withoutStreamUrl } from '../../shared/agentWork';
import { genOperation } from '../../shared/routing';
import { runIds } from './shared';

/** Approve and Reject: GEN's one decision endpoint, with `approved` true or false. */
const decision = (approved: boolean) =>
	genOperation({
		option: approved
			? {
					name: 'Approve',
					value: 'approve',
					action: "Approve an agent run's pending action",
					description: 'Approve the action a run awaiting approval proposes; the run goes on (Get Run waits for it). Outputs {run_id, status}.',
				}
			: {
					name: 'Reject',
					value: 'reject',
					action: "Reject an agent run's pending action",
					description: 'Reject the action a run awaiting approval proposes; GEN ends the run. Outputs {run_id, status}.',
				},
		method: 'POST',
		path: '/agent/runs/{runId}/approve',
		host: 'agent',
		request: (context) => ({ ids: runIds(context), body: { approved } }),
		answer: 'object',
		expected: 'the decided run',
		output: (_context, answers) => answers.map(withoutStreamUrl),
		fields: [],
	});

export const approve = decision(true);
export const reject = decision(false);
