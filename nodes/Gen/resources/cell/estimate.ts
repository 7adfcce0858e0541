import { idValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { generationRequest } from './generationData';

/** What a generation of Cell > Generate would cost: the same type and fields, nothing started. */
export const estimateCredits = genOperation({
	option: {
		name: 'Estimate Credits',
		value: 'estimateCredits',
		action: 'Estimate the credits of a generation',
		description: 'Ask GEN what a generation (same type and fields as Generate) would cost, without starting it',
	},
	method: 'POST',
	path: '/user_jobs/estimate',
	request: (context) => {
		const agentId = idValue(context, 'agentId', 'Agent');
		const { type, data } = generationRequest(context);
		return { body: { agent_id: agentId, user_job: { user_job_type: type, data } } };
	},
	answer: 'object',
	expected: 'a credit estimate',
	// Generate declares the shared fields.
	fields: [],
});
