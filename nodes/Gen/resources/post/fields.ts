import type { INodeProperties } from 'n8n-workflow';
import { waitingOptions } from '../../shared/waiting';
import { PLATFORMS, platformOptionEntries } from './platformOptions';

// The fields of Post > Publish. The per-platform options are one collection whose entries show
// for the platforms chosen: n8n evaluates every declared top-level property for every item.

const show = { resource: ['post'], operation: ['publish'] };

export const publishFields: INodeProperties[] = [
	{
		displayName: 'Platforms',
		name: 'platforms',
		type: 'multiOptions',
		required: true,
		default: [],
		options: PLATFORMS.map(([name, value]) => ({ name, value })),
		description: 'Where to post (at least one). The agent must have connected each in GEN first (Setup > Accounts).',
		displayOptions: { show },
	},
	{
		displayName: 'When',
		name: 'when',
		type: 'options',
		default: 'next_available',
		options: [
			{ name: 'Next Available Slot', value: 'next_available', description: "The agent's next free slot in GEN's calendar" },
			{ name: 'Now', value: 'now', description: 'Publish at once' },
			{ name: 'Specific Time', value: 'specific_time', description: 'At the date and time below' },
		],
		displayOptions: { show },
	},
	{
		displayName: 'Scheduled Time',
		name: 'scheduledTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: "When to publish, in the workflow's time zone (sent to GEN as UTC); it must be in the future",
		displayOptions: { show: { ...show, when: ['specific_time'] } },
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.output_resources[0].url }}',
		description:
			'Public URL of the video, image or (LinkedIn) document, e.g. from Cell > Render. Required for TikTok, Instagram, Facebook and YouTube.',
		displayOptions: { show },
	},
	{
		displayName: 'More Media URLs',
		name: 'moreMediaUrls',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://cdn.example.com/2.jpg, https://cdn.example.com/3.jpg',
		description:
			'Further media of the same post, separated by commas or new lines (or an expression giving a list): an Instagram carousel (2–10 in all), up to 4 images on X, up to 9 on LinkedIn',
		displayOptions: { show },
	},
	{
		displayName: 'Title',
		name: 'postTitle',
		type: 'string',
		default: '',
		description: 'Required for YouTube (at most 100 characters); optional for Facebook (255) and LinkedIn (400); ignored elsewhere',
		displayOptions: { show },
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Caption or post text. Limits: X 280, TikTok and Instagram 2,200, LinkedIn 3,000, YouTube 5,000, Facebook 63,206.',
		displayOptions: { show },
	},
	{
		displayName: 'Thumbnail URL',
		name: 'thumbnailUrl',
		type: 'string',
		default: '',
		description: 'Custom thumbnail (YouTube: https, .jpg or .png, under 2 MB); GEN makes one from the video without it',
		displayOptions: { show },
	},
	{
		displayName: 'Platform Options',
		name: 'platformOptions',
		type: 'collection',
		placeholder: 'Add Platform Option',
		default: {},
		description: 'Options of the platforms chosen above',
		displayOptions: { show },
		options: platformOptionEntries,
	},
	{
		displayName: 'Strict',
		name: 'strict',
		type: 'boolean',
		default: true,
		description: 'Whether a platform that cannot take this content is an error (GEN refuses the whole post) rather than skipped',
		displayOptions: { show },
	},
	{
		displayName: 'Wait for Published',
		name: 'waitForPublished',
		type: 'boolean',
		default: true,
		description:
			"Whether to wait until every platform has published or failed (for When: Now) and output each post URL. Off, or for a later time: output GEN's answer at once.",
		displayOptions: { show },
	},
];

const whileWaiting = { show: { '/resource': ['post'], '/operation': ['publish'], '/waitForPublished': [true] } };
const sharedOption = (name: string) => waitingOptions.find((option) => option.name === name) as INodeProperties;

/** Timeout and Poll Interval of the node's Options, as for generations, shown while Publish waits. */
export const postOptions: INodeProperties[] = [
	{
		...sharedOption('timeoutMinutes'),
		description: 'How long to wait for all items\' posts to publish everywhere. The post goes on in GEN after a timeout: look at it with Post > Get.',
		displayOptions: whileWaiting,
	},
	{ ...sharedOption('pollIntervalSeconds'), displayOptions: whileWaiting },
];
