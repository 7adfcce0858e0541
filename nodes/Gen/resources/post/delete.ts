import { genOperation } from '../../shared/routing';
import { postIds } from './postId';

export const remove = genOperation({
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a post',
		description: 'Delete a scheduled post before it goes out',
	},
	method: 'DELETE',
	path: '/schedule/post/{postId}',
	request: (context) => {
		const ids = postIds(context);
		return { ids, keep: ids.postId };
	},
	answer: 'object',
	expected: "GEN's answer to a delete",
	output: (_context, [answer], postId) => [{ post_id: postId as string | number, ...answer }],
	fields: [],
});
