import { genOperation } from '../../shared/routing';
import { ideaIds } from './shared';

export const createVideo = genOperation({
	option: {
		name: 'Create Video',
		value: 'createVideo',
		action: 'Create a video from an idea',
		description: 'Turn an idea into a vidsheet (content engine) that makes its video; outputs the vidsheet or job GEN answers',
	},
	method: 'POST',
	path: '/ideas/{ideaId}/create-video',
	host: 'agent',
	request: (context) => ({ ids: ideaIds(context) }),
	answer: 'object',
	expected: 'the vidsheet or job of the new video',
	// GEN takes no idempotency key here: a retry after a lost answer could make a second video.
	retry: 'creates',
	fields: [],
});
