import { genOperation } from '../../shared/routing';
import { idValue } from '../../shared/input';
import { waitSettings, type WaitSettings } from '../../shared/waiting';
import { contentBody, platformsOf, scheduleOf } from './body';
import { publishFields } from './fields';
import { publishedPost } from './outcome';

export const publish = genOperation({
	option: {
		name: 'Publish',
		value: 'publish',
		action: 'Publish a post',
		description:
			'Post to TikTok, Instagram, Facebook, YouTube, X and LinkedIn now, at a time or in the next free slot; waits until each platform has published and outputs the post URLs',
	},
	method: 'POST',
	path: '/schedule/with-post',
	request: (context) => {
		const agentId = idValue(context, 'agentId', 'Agent');
		const platforms = platformsOf(context);
		const schedule = scheduleOf(context);
		const body = {
			agent_id: String(agentId),
			platform: platforms,
			...schedule,
			...contentBody(context, platforms),
			strict: context.getNodeParameter('strict', true) !== false,
		};
		const wait = context.getNodeParameter('waitForPublished', true) !== false;
		return { body, keep: { ...waitSettings(context), wait, now: schedule.schedule_type === 'now' } };
	},
	answer: 'object',
	expected: 'a scheduled post',
	// A retry of the same item replays the post (GEN answers idempotent_replay: true), never posts twice.
	idempotencyKey: 'header',
	finish: async (context, answer, kept) => await publishedPost(context, answer, kept as WaitSettings & { now: boolean }),
	fields: publishFields,
});
