import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { itemError } from '../../shared/errors';
import { genOperation } from '../../shared/routing';
import { futureTime, listOf, optionalText } from './body';
import { postIds } from './postId';

const fields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'What to change; the rest stays as it is',
		displayOptions: { show: { resource: ['post'], operation: ['update'] } },
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Caption or post text' },
			{ displayName: 'Media URL', name: 'mediaUrl', type: 'string', default: '' },
			{ displayName: 'More Media URLs', name: 'moreMediaUrls', type: 'string', default: '', description: 'Separated by commas or new lines' },
			{
				displayName: 'Scheduled Time',
				name: 'scheduledTime',
				type: 'dateTime',
				default: '',
				description: "The new time, in the workflow's time zone (sent as UTC); the post becomes a Specific Time post",
			},
			{ displayName: 'Thumbnail URL', name: 'thumbnailUrl', type: 'string', default: '' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	},
];

export const update = genOperation({
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a post',
		description: 'Change a scheduled post before it goes out (GEN refuses a post already sent or created for Now)',
	},
	method: 'PATCH',
	path: '/schedule/post/{postId}',
	request: (context) => {
		const ids = postIds(context);
		const set = context.getNodeParameter('updateFields', {}) as IDataObject;
		const body: IDataObject = {};
		for (const [name, field] of [['title', 'title'], ['description', 'description'], ['mediaUrl', 'media_url'], ['thumbnailUrl', 'thumbnail_url']]) {
			const text = optionalText(set[name]);
			if (text !== undefined) body[field] = text;
		}
		if (set.moreMediaUrls !== undefined) body.media_urls = listOf(set.moreMediaUrls);
		if (optionalText(set.scheduledTime) !== undefined || set.scheduledTime instanceof Date) {
			Object.assign(body, { schedule_type: 'specific_time', scheduled_time: futureTime(context, set.scheduledTime) });
		}
		if (Object.keys(body).length === 0) throw itemError(context, 'Nothing to update', 'Add a field under Update Fields. Nothing was sent.');
		return { ids, body };
	},
	answer: 'object',
	expected: 'a post',
	fields,
});
