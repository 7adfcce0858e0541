import { genOperation } from '../../shared/routing';
import { postIds } from './postId';

export const get = genOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a post',
		description: "Get one post with each platform's outcome (platforms_status: normalized_status, post_url, error)",
	},
	method: 'GET',
	path: '/schedule/post/{postId}',
	request: (context) => ({ ids: postIds(context) }),
	answer: 'object',
	expected: 'a post',
	fields: [],
});
