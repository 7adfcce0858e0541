import type { INodeProperties } from 'n8n-workflow';
import { TYPES_WITH_MODEL } from './models';

const show = { resource: ['cell'], operation: ['generate'] };
const forTypes = (generationType: string[]) => ({ show: { ...show, generationType } });

const PROMPT_TYPES = ['text', 'image_from_text', 'video_from_text', 'video_from_image', 'video_from_ingredients'];
const VIDEO_TYPES = ['video_from_text', 'video_from_image', 'video_from_ingredients'];

const resourceId = (name: string, displayName: string, types: string[], description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder: 'e.g. 4821',
	description,
	displayOptions: forTypes(types),
});

/** The fields of Cell > Generate, each declared once and shown for the generation types that use it. */
export const generateFields: INodeProperties[] = [
	{
		displayName: 'Generation Type',
		name: 'generationType',
		type: 'options',
		default: 'text',
		description: 'What GEN generates into the cell',
		displayOptions: { show },
		options: [
			{ name: 'Captions', value: 'captions', description: 'Caption timing data from an audio or video' },
			{ name: 'Image From Text', value: 'image_from_text' },
			{ name: 'Lipsync', value: 'lipsync', description: 'A video lip-synced to an audio' },
			{ name: 'Media', value: 'media', description: 'Attach an uploaded resource to the cell, no AI' },
			{ name: 'Speech From Text', value: 'speech_from_text', description: 'A voiceover of a script' },
			{ name: 'Text', value: 'text', description: 'A script, hook or caption text' },
			{ name: 'Video From Image', value: 'video_from_image' },
			{ name: 'Video From Ingredients', value: 'video_from_ingredients', description: 'A video composed from several uploaded assets' },
			{ name: 'Video From Text', value: 'video_from_text' },
		],
	},
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		default: '',
		typeOptions: { rows: 3 },
		placeholder: 'e.g. Write a 12-second TikTok hook for {{topic}}',
		description: 'What to generate. Required for text, image from text and video from text.',
		displayOptions: forTypes(PROMPT_TYPES),
	},
	{
		displayName: 'Model Name or ID',
		name: 'model',
		type: 'options',
		default: '',
		typeOptions: { loadOptionsMethod: 'getModels', loadOptionsDependsOn: ['generationType'] },
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: forTypes(TYPES_WITH_MODEL),
	},
	{
		displayName: 'Aspect Ratio',
		name: 'aspectRatio',
		type: 'options',
		default: '',
		displayOptions: forTypes(['image_from_text', ...VIDEO_TYPES]),
		options: [
			{ name: '1:1', value: '1:1' },
			{ name: '16:9', value: '16:9' },
			{ name: '3:4 (Images)', value: '3:4' },
			{ name: '4:3 (Images)', value: '4:3' },
			{ name: '9:16', value: '9:16' },
			{ name: "GEN's Default", value: '' },
		],
	},
	{
		displayName: 'Duration',
		name: 'duration',
		type: 'options',
		default: 0,
		description: 'Video length in seconds (which ones a model supports is up to the model)',
		displayOptions: forTypes(VIDEO_TYPES),
		options: [
			{ name: "GEN's Default", value: 0 },
			{ name: '5 Seconds', value: 5 },
			{ name: '10 Seconds', value: 10 },
		],
	},
	resourceId('imageResourceId', 'Image Resource ID', ['video_from_image'], 'The uploaded image the video starts from'),
	{
		...resourceId('assetResourceIds', 'Asset Resource IDs', ['video_from_ingredients'], 'The uploaded assets to compose, comma-separated'),
		placeholder: 'e.g. 4821, 4822, 4823',
	},
	{
		displayName: 'Script',
		name: 'script',
		type: 'string',
		default: '',
		typeOptions: { rows: 3 },
		description: 'The text to speak',
		displayOptions: forTypes(['speech_from_text']),
	},
	{
		displayName: 'Voice Method',
		name: 'voiceMethod',
		type: 'options',
		default: 'my_voices',
		displayOptions: forTypes(['speech_from_text']),
		options: [
			{ name: 'Clone Voice', value: 'clone_voice', description: 'A voice cloned from an uploaded audio' },
			{ name: 'Design Voice', value: 'design_voice', description: 'A voice from a description (set language, gender in Additional Data)' },
			{ name: 'My Voices', value: 'my_voices', description: 'A saved voice' },
		],
	},
	{
		displayName: 'Voice ID',
		name: 'voiceId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 21m00Tcm4TlvDq8ikWAM',
		description: 'A saved voice of the agent (Voice Method: My Voices)',
		displayOptions: { show: { ...show, generationType: ['speech_from_text'], voiceMethod: ['my_voices'] } },
	},
	resourceId(
		'audioResourceId',
		'Audio Resource ID',
		['speech_from_text', 'lipsync'],
		'Lipsync: the audio to sync to. Speech with Clone Voice: the voice sample.',
	),
	resourceId('videoResourceId', 'Video Resource ID', ['lipsync'], 'The video to lip-sync'),
	resourceId('sourceResourceId', 'Source Resource ID', ['captions'], 'The audio or video to caption'),
	resourceId('contentResourceId', 'Content Resource ID', ['media'], 'The uploaded resource to attach'),
	{
		displayName: 'Additional Data (JSON)',
		name: 'additionalData',
		type: 'json',
		default: '{}',
		description:
			'More fields of the generation\'s data, e.g. {"variables": {"topic": "tacos"}, "negative_prompt": "no logos"}. The fields above win over the same names here.',
		displayOptions: { show },
	},
];
