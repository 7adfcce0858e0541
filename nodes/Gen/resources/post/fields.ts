import type { INodeProperties } from 'n8n-workflow';
import { waitingOptions } from '../../shared/waiting';

// The fields of Post > Publish. The per-platform options are one collection whose entries show
// for the platforms chosen: n8n evaluates every declared top-level property for every item.

export const PLATFORMS = [
	['TikTok', 'tiktok'],
	['Instagram', 'instagram'],
	['Facebook', 'facebook'],
	['YouTube', 'youtube'],
	['X', 'x'],
	['LinkedIn', 'linkedin'],
] as const;

export type Platform = (typeof PLATFORMS)[number][1];

const show = { resource: ['post'], operation: ['publish'] };
const forPlatform = (platform: Platform) => ({ show: { '/platforms': [platform] } });

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
		options: [
			{
				displayName: 'Instagram Music',
				name: 'instagramMusic',
				type: 'options',
				default: 'auto',
				options: [
					{ name: 'Auto', value: 'auto', description: "A track from GEN's music library under every video item" },
					{ name: 'None', value: 'none' },
				],
				displayOptions: forPlatform('instagram'),
			},
			{
				displayName: 'Instagram Music Track URL',
				name: 'instagramMusicTrackUrl',
				type: 'string',
				default: '',
				description: 'An https audio file to mix under the video instead of an auto-picked track',
				displayOptions: forPlatform('instagram'),
			},
			{
				displayName: 'LinkedIn Alt Text',
				name: 'linkedinAltText',
				type: 'string',
				typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Alt Text' },
				default: [],
				description: 'One text per image, in media order (images only)',
				displayOptions: forPlatform('linkedin'),
			},
			{
				displayName: 'LinkedIn Visibility',
				name: 'linkedinVisibility',
				type: 'options',
				default: 'public',
				options: [
					{ name: 'Public', value: 'public' },
					{ name: 'Connections', value: 'connections' },
					{ name: 'Logged-In Members', value: 'loggedin' },
				],
				displayOptions: forPlatform('linkedin'),
			},
			{
				displayName: 'TikTok Branded Content',
				name: 'tiktokBrandedContent',
				type: 'boolean',
				default: false,
				description: 'Whether the video promotes another brand (paid partnership)',
				displayOptions: forPlatform('tiktok'),
			},
			{
				displayName: 'TikTok Disable Comment',
				name: 'tiktokDisableComment',
				type: 'boolean',
				default: false,
				description: 'Whether viewers may not comment',
				displayOptions: forPlatform('tiktok'),
			},
			{
				displayName: 'TikTok Disable Duet',
				name: 'tiktokDisableDuet',
				type: 'boolean',
				default: false,
				description: 'Whether viewers may not duet',
				displayOptions: forPlatform('tiktok'),
			},
			{
				displayName: 'TikTok Disable Stitch',
				name: 'tiktokDisableStitch',
				type: 'boolean',
				default: false,
				description: 'Whether viewers may not stitch',
				displayOptions: forPlatform('tiktok'),
			},
			{
				displayName: 'TikTok Disclose Commercial Content',
				name: 'tiktokDiscloseCommercialContent',
				type: 'boolean',
				default: false,
				description: 'Whether the video is commercial content (TikTok labels it)',
				displayOptions: forPlatform('tiktok'),
			},
			{
				displayName: 'TikTok Privacy Level',
				name: 'tiktokPrivacyLevel',
				type: 'options',
				default: 'PUBLIC_TO_EVERYONE',
				options: [
					{ name: 'Everyone', value: 'PUBLIC_TO_EVERYONE' },
					{ name: 'Friends', value: 'MUTUAL_FOLLOW_FRIENDS' },
					{ name: 'Followers', value: 'FOLLOWER_OF_CREATOR' },
					{ name: 'Only Me', value: 'SELF_ONLY' },
				],
				displayOptions: forPlatform('tiktok'),
			},
			{
				displayName: 'TikTok Your Brand',
				name: 'tiktokYourBrand',
				type: 'boolean',
				default: false,
				description: 'Whether the video promotes your own brand',
				displayOptions: forPlatform('tiktok'),
			},
			{
				displayName: 'X Reply to Tweet ID',
				name: 'xReplyToTweetId',
				type: 'string',
				default: '',
				description: 'Post as a reply to this tweet',
				displayOptions: forPlatform('x'),
			},
			{
				displayName: 'X Thread',
				name: 'xThread',
				type: 'string',
				typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Tweet' },
				default: [],
				description: 'Post a thread instead: one tweet per entry (at most 280 characters each), in order',
				displayOptions: forPlatform('x'),
			},
			{
				displayName: 'YouTube Category ID',
				name: 'youtubeCategoryId',
				type: 'number',
				default: 22,
				description: "YouTube's video category (22 = People & Blogs)",
				displayOptions: forPlatform('youtube'),
			},
			{
				displayName: 'YouTube Made for Kids',
				name: 'youtubeMadeForKids',
				type: 'boolean',
				default: false,
				description: 'Whether the video is made for kids',
				displayOptions: forPlatform('youtube'),
			},
			{
				displayName: 'YouTube Notify Subscribers',
				name: 'youtubeNotifySubscribers',
				type: 'boolean',
				default: true,
				description: 'Whether YouTube notifies the channel\'s subscribers',
				displayOptions: forPlatform('youtube'),
			},
			{
				displayName: 'YouTube Shorts',
				name: 'youtubeShorts',
				type: 'boolean',
				default: false,
				description: 'Whether to post as a YouTube Short (vertical, under 3 minutes)',
				displayOptions: forPlatform('youtube'),
			},
			{
				displayName: 'YouTube Tags',
				name: 'youtubeTags',
				type: 'string',
				default: '',
				placeholder: 'e.g. sourcing, beauty',
				description: 'Tags separated by commas (400 characters in all)',
				displayOptions: forPlatform('youtube'),
			},
			{
				displayName: 'YouTube Visibility',
				name: 'youtubeVisibility',
				type: 'options',
				default: 'public',
				options: [
					{ name: 'Public', value: 'public' },
					{ name: 'Unlisted', value: 'unlisted' },
					{ name: 'Private', value: 'private' },
				],
				displayOptions: forPlatform('youtube'),
			},
		],
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
