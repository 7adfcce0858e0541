import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { checkedId, parameterValue } from '../../shared/input';

/** The post of Get, Update and Delete: the post_id Publish outputs. */
export const postIdField: INodeProperties = {
	displayName: 'Post ID',
	name: 'postId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 48213',
	description: 'The post_id Post > Publish outputs',
	displayOptions: { show: { resource: ['post'], operation: ['get', 'update', 'delete'] } },
};

export const postIds = (context: IExecuteSingleFunctions) => ({
	postId: checkedId(context, parameterValue(context, 'postId', ''), 'Post ID'),
});
