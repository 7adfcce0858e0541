import type { INodeProperties } from 'n8n-workflow';
import { TYPES_WITH_MODEL } from './models';

/** Cell > Generate and Cell > Estimate Credits take the same generation, field for field. */
const show = { resource: ['cell'], operation: ['generate', 'estimateCredits'] };
const forTypes = (generationType: string[]) => ({ show: { ...show, generationType } });

const VIDEO_TYPES = ['video_from_text', 'video_from_image'];
const SOURCE_TYPES = ['captions', 'transcription'];

const text = (name: string, displayName: string, types: string[], description: string, placeholder = ''): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(placeholder && { placeholder }),
	description,
	displayOptions: forTypes(types),
});

const flag = (name: string, displayName: string, types: string[], description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
	displayOptions: forTypes(types),
});

const seconds = (name: string, displayName: string, types: string[], description: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0 },
	description,
	displayOptions: forTypes(types),
});

/**
 * A field of 0.1.x whose input GEN no longer takes. Declared (hidden) only so that a saved value
 * survives n8n's loading, which drops undeclared parameters, and can be refused with advice.
 */
const dropped = (name: string, types: string[], value: string | number = ''): INodeProperties => ({
	displayName: name,
	name,
	type: 'hidden',
	default: value,
	displayOptions: forTypes(types),
});

const GENERATION_TYPE: INodeProperties = {
	displayName: 'Generation Type',
	name: 'generationType',
	type: 'options',
	default: 'text',
	description: 'What GEN generates into the cell',
	displayOptions: { show },
	options: [
		{ name: 'Captions', value: 'captions', description: 'Timed caption segments from an audio or video' },
		{ name: 'Image From Text', value: 'image_from_text' },
		{ name: 'Lipsync', value: 'lipsync', description: 'A talking-head video lip-synced to a speech' },
		{ name: 'Song', value: 'song', description: 'A song (Suno) from a prompt, optionally after a source audio' },
		{ name: 'Speech From Text', value: 'speech_from_text', description: 'A voiceover of a text in a saved voice' },
		{ name: 'Text', value: 'text', description: 'A script, hook or caption text' },
		{ name: 'Transcription', value: 'transcription', description: 'The text of an audio or video, with sentence timings' },
		{ name: 'Video From Image', value: 'video_from_image' },
		{ name: 'Video From Ingredients', value: 'video_from_ingredients', description: 'A video (Pika) composed from several images' },
		{ name: 'Video From Text', value: 'video_from_text' },
	],
};

const MODEL: INodeProperties = {
	displayName: 'Model Name or ID',
	name: 'model',
	type: 'options',
	default: '',
	typeOptions: { loadOptionsMethod: 'getModels', loadOptionsDependsOn: ['generationType'] },
	// Lipsync's model goes to GEN as lip_sync_model.
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	displayOptions: forTypes(TYPES_WITH_MODEL),
};

/** A dropdown whose empty choice leaves the value to GEN (sent only when one is picked). */
const choice = (name: string, displayName: string, types: string[], options: INodeProperties['options'], description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	default: '',
	...(description && { description }),
	displayOptions: forTypes(types),
	options,
});

const GEN_DEFAULT = { name: "GEN's Default", value: '' };

const ASPECT_RATIO = choice('aspectRatio', 'Aspect Ratio', ['image_from_text', ...VIDEO_TYPES], [
	{ name: '1:1', value: '1:1' },
	{ name: '16:9', value: '16:9' },
	{ name: '2:3 (Grok)', value: '2:3' },
	{ name: '3:2 (Grok)', value: '3:2' },
	{ name: '3:4 (Images; Grok Video)', value: '3:4' },
	{ name: '4:3 (Images; Grok Video)', value: '4:3' },
	{ name: '9:16', value: '9:16' },
	GEN_DEFAULT,
]);

const RESOLUTION = choice(
	'resolution',
	'Resolution',
	VIDEO_TYPES,
	[{ name: '1080p', value: '1080p' }, { name: '720p', value: '720p' }, GEN_DEFAULT],
	'Where the model supports it',
);

const VOCAL_GENDER = choice('vocalGender', 'Vocal Gender', ['song'], [
	{ name: 'Female', value: 'f' },
	{ name: "GEN's Choice", value: '' },
	{ name: 'Male', value: 'm' },
]);

/** The fields of Cell > Generate, each declared once and shown for the generation types that use it. */
export const generateFields: INodeProperties[] = [
	GENERATION_TYPE,
	{
		...text('prompt', 'Prompt', ['text', 'image_from_text', ...VIDEO_TYPES, 'video_from_ingredients', 'song'], ''),
		typeOptions: { rows: 3 },
		placeholder: 'e.g. Write a 12-second TikTok hook for {{topic}}',
		description: 'What to generate. Required, except for video from image.',
	},
	MODEL,
	text('negativePrompt', 'Negative Prompt', VIDEO_TYPES, 'What the video should avoid', 'e.g. no text overlays, no logos'),
	ASPECT_RATIO,
	{
		...seconds('duration', 'Duration (Seconds)', [...VIDEO_TYPES, 'song'], ''),
		description:
			"0: GEN's default. Video: which lengths a model takes is up to the model (Veo 4, 6 or 8; Seedance 3–12 or 4–15; Grok 1–15). Song: up to the model's maximum (240–480).",
	},
	RESOLUTION,
	flag('nativeAudio', 'Native Audio', [...VIDEO_TYPES, 'video_from_ingredients'], 'Whether the video model adds its own audio, where it supports that'),
	text('imageResourceId', 'Image Resource ID', ['video_from_image'], 'The uploaded image the video starts from (required)', 'e.g. 4821'),
	text('imageTailResourceId', 'End Image Resource ID', ['video_from_image'], 'Optional: an uploaded image the video ends on', 'e.g. 4822'),
	text(
		'imageUrls',
		'Image URLs',
		['video_from_ingredients'],
		'The public URLs of the images to compose (e.g. content resources\' url), comma-separated or a list by expression',
		'e.g. https://cdn.gen.pro/uploads/product-1.png, https://cdn.gen.pro/uploads/product-2.png',
	),
	// `script` is the 0.1.x name of the text to speak: saved workflows keep theirs; GEN now calls it `text`.
	{ ...text('script', 'Text', ['speech_from_text'], 'The text to speak (up to 4,000 characters)'), typeOptions: { rows: 3 } },
	text('voiceId', 'Voice ID', ['speech_from_text'], "A saved voice of the agent (GEN's voice library)", 'e.g. 21m00Tcm4TlvDq8ikWAM'),
	flag('enhanceVoice', 'Enhance Voice', ['speech_from_text'], "Whether GEN enhances the voice. Off: GEN's default."),
	flag('removeSilence', 'Remove Silence', ['speech_from_text', 'lipsync'], 'Whether GEN trims silence from the speech'),
	text(
		'videoUrl',
		'Video URL',
		['lipsync', ...SOURCE_TYPES],
		'The public URL of the video. Lipsync: the talking head (required). Captions, transcription: the source, or use Audio URL instead.',
		'e.g. https://cdn.gen.pro/uploads/talking-head.mp4',
	),
	text(
		'audioUrl',
		'Audio URL',
		['lipsync', ...SOURCE_TYPES],
		'The public URL of the audio. Lipsync: the speech (or voice_generation_data in Additional Data). Captions, transcription: the source, or use Video URL instead.',
		'e.g. https://cdn.gen.pro/outputs/voiceover.mp3',
	),
	text('contentResourceId', 'Content Resource ID', ['transcription'], 'An uploaded audio or video to transcribe, instead of a URL', 'e.g. 4821'),
	flag('removeBackground', 'Remove Background', ['lipsync'], "Whether GEN removes the video's background"),
	seconds('trimStartSeconds', 'Trim Start (Seconds)', SOURCE_TYPES, 'Where in the source to start (with Trim Duration)'),
	seconds('trimDurationSeconds', 'Trim Duration (Seconds)', SOURCE_TYPES, 'How much of the source to use. 0: all of it.'),
	flag('instrumental', 'Instrumental', ['song'], 'Whether the song has no vocals'),
	text('style', 'Style', ['song'], 'Style, genre and mood (up to 1,000 characters)', 'e.g. indie pop, jangly guitars, warm analog synth'),
	text('songTitle', 'Song Title', ['song'], 'The title of the track (up to 80 characters)', 'e.g. Neon Mile'),
	text('negativeTags', 'Negative Tags', ['song'], 'Styles, instruments or moods to avoid (up to 500 characters)', 'e.g. heavy metal, screaming'),
	VOCAL_GENDER,
	text('sourceAudioResourceId', 'Source Audio Resource ID', ['song'], 'Optional: an uploaded audio (up to 8 minutes) the song follows', 'e.g. 4821'),
	text('sourceAudioUrl', 'Source Audio URL', ['song'], 'Optional, instead of the resource ID: a public HTTPS URL of the source audio', 'e.g. https://cdn.example.com/demo.mp3'),
	text('audioWeight', 'Audio Weight', ['song'], "How closely the song follows the source audio, 0.0–1.0. Empty: GEN's default.", 'e.g. 0.6'),
	{
		displayName: 'Additional Data (JSON)',
		name: 'additionalData',
		type: 'json',
		default: '{}',
		description:
			'More fields of the generation\'s data, e.g. {"variables": {"topic": "tacos"}}. The fields above win over the same names here.',
		displayOptions: { show },
	},
	dropped('voiceMethod', ['speech_from_text'], 'my_voices'),
	dropped('audioResourceId', ['speech_from_text', 'lipsync']),
	dropped('videoResourceId', ['lipsync']),
	dropped('sourceResourceId', ['captions']),
	dropped('assetResourceIds', ['video_from_ingredients']),
];
