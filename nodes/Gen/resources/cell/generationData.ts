import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { itemError } from '../../shared/errors';
import { checkedText, jsonObjectValue, numberValue } from '../../shared/input';
import { refuseDroppedInputs } from './droppedInputs';
import { currentModelId } from './models';

/** The generation types GEN accepts (2026-10): the only values sent. */
export const GENERATION_TYPES = [
	'text',
	'image_from_text',
	'video_from_text',
	'video_from_image',
	'video_from_ingredients',
	'speech_from_text',
	'lipsync',
	'captions',
	'transcription',
	'song',
] as const;
type GenerationType = (typeof GENERATION_TYPES)[number];

const MAX_SPEECH_CHARACTERS = 4000;

/** Reads the parameters of one item, each once. */
type Reader = {
	context: IExecuteSingleFunctions;
	/** Additional Data, for the checks that look at what it supplies. */
	extra: IDataObject;
	/** Trimmed text, or undefined when blank. */
	text: (name: string) => string | undefined;
	/** Text that must not be blank, sent as given. */
	required: (name: string, label: string) => string;
	/** true when on, else undefined: off leaves GEN's default (or Additional Data's value). */
	flag: (name: string) => true | undefined;
	/** A number of seconds >= 0; 0 is undefined (GEN's default). */
	seconds: (name: string, label: string) => number | undefined;
};

function reader(context: IExecuteSingleFunctions, extra: IDataObject): Reader {
	const raw = (name: string) => context.getNodeParameter(name, '') as unknown;
	return {
		context,
		extra,
		text: (name) => String(raw(name) ?? '').trim() || undefined,
		required: (name, label) => checkedText(context, raw(name), label),
		flag: (name) => (raw(name) === true ? true : undefined),
		seconds: (name, label) => numberValue(context, raw(name) ?? 0, label) || undefined,
	};
}

const model = (r: Reader) => {
	const id = r.text('model');
	return id && currentModelId(id);
};

const videoSettings = (r: Reader) => ({
	model: model(r),
	negative_prompt: r.text('negativePrompt'),
	aspect_ratio: r.text('aspectRatio'),
	duration: r.seconds('duration', 'Duration (Seconds)'),
	resolution: r.text('resolution'),
	native_audio: r.flag('nativeAudio'),
});

/** Each type's `data` as GEN's "All Generation Types" reference documents it. */
const BUILDERS: Record<GenerationType, (r: Reader) => IDataObject> = {
	text: (r) => ({ prompt: r.required('prompt', 'Prompt'), model: model(r) }),
	image_from_text: (r) => ({ prompt: r.required('prompt', 'Prompt'), model: model(r), aspect_ratio: r.text('aspectRatio') }),
	video_from_text: (r) => ({ prompt: r.required('prompt', 'Prompt'), ...videoSettings(r) }),
	video_from_image: (r) => ({
		image_resource_id: r.required('imageResourceId', 'Image Resource ID').trim(),
		image_tail_resource_id: r.text('imageTailResourceId'),
		prompt: r.text('prompt'),
		...videoSettings(r),
	}),
	video_from_ingredients: (r) => ({
		prompt: r.required('prompt', 'Prompt'),
		images: imageList(r),
		native_audio: r.flag('nativeAudio'),
	}),
	speech_from_text: (r) => ({
		text: speechText(r),
		voice_id: r.text('voiceId'),
		enhance_voice: r.flag('enhanceVoice'),
		remove_silence: r.flag('removeSilence'),
	}),
	lipsync: (r) => ({
		talking_avatar_video_data: lipsyncMedia(r),
		lip_sync_model: model(r),
		remove_background: r.flag('removeBackground'),
		remove_silence: r.flag('removeSilence'),
	}),
	captions: (r) => ({ ...oneSource(r, 'Captions', ['audio', 'video']), trim: trim(r) }),
	transcription: (r) => ({ ...oneSource(r, 'Transcription', ['audio', 'video', 'content_resource_id']), trim: trim(r) }),
	song: (r) => ({
		prompt: r.required('prompt', 'Prompt'),
		model: model(r),
		duration: r.seconds('duration', 'Duration (Seconds)'),
		instrumental: r.flag('instrumental'),
		style: r.text('style'),
		title: r.text('songTitle'),
		negative_tags: r.text('negativeTags'),
		vocal_gender: r.text('vocalGender'),
		...sourceAudio(r),
	}),
};

/**
 * The generation a Cell > Generate or Estimate Credits item asks for: GEN's type and its `data`
 * (the fields over Additional Data). A type or input GEN dropped is refused before anything is sent.
 */
export function generationRequest(context: IExecuteSingleFunctions): { type: GenerationType; data: IDataObject } {
	const type = generationType(context);
	const extra = additionalData(context);
	refuseDroppedInputs(context, type);
	const fields = BUILDERS[type](reader(context, extra));
	const data: IDataObject = { ...extra };
	for (const [key, value] of Object.entries(fields)) if (value !== undefined) data[key] = value;
	return { type, data };
}

function generationType(context: IExecuteSingleFunctions): GenerationType {
	const type = String(context.getNodeParameter('generationType', 'text'));
	if ((GENERATION_TYPES as readonly string[]).includes(type)) return type as GenerationType;
	if (type === 'media') {
		throw itemError(
			context,
			'GEN dropped the Media generation type',
			"Uploaded media is a cell's value now, not a generation: use Cell > Update to put an uploaded file's URL into the cell. Nothing was sent.",
		);
	}
	throw itemError(context, `"${type}" is not a generation type of GEN`, `Use one of: ${GENERATION_TYPES.join(', ')}. Nothing was sent.`);
}

const additionalData = (context: IExecuteSingleFunctions) =>
	jsonObjectValue(
		context,
		'additionalData',
		'Additional Data is not a JSON object',
		() => 'Use an object such as {"variables": {"topic": "tacos"}}, or {} for none.',
	);

function speechText(r: Reader) {
	const text = r.required('script', 'Text');
	if (text.length > MAX_SPEECH_CHARACTERS) {
		throw itemError(r.context, `Text has ${text.length} characters`, `GEN speaks up to ${MAX_SPEECH_CHARACTERS} characters at a time: split the text over several cells.`);
	}
	return text;
}

/** "url1, url2" or a list from an expression, as GEN's `images: [{value}]`. */
function imageList(r: Reader) {
	const raw = r.context.getNodeParameter('imageUrls', '') as unknown;
	const urls = (Array.isArray(raw) ? raw : String(raw ?? '').split(',')).map((url) => String(url).trim()).filter(Boolean);
	if (!urls.length) {
		throw itemError(r.context, 'Image URLs is empty', 'Video From Ingredients composes images: give their public URLs, comma-separated.');
	}
	return urls.map((value) => ({ value }));
}

function lipsyncMedia(r: Reader) {
	const video = r.text('videoUrl');
	const audio = r.text('audioUrl');
	if (!video) throw itemError(r.context, 'Video URL is empty', 'Lipsync needs the public URL of the talking-head video.');
	const voice = r.extra.voice_generation_data !== undefined;
	if (!audio === !voice) {
		throw itemError(
			r.context,
			audio ? 'Lipsync got both an Audio URL and voice_generation_data' : 'Lipsync has no speech',
			'Give exactly one: the public URL of the speech in Audio URL, or voice_generation_data (the data of a speech from text) in Additional Data.',
		);
	}
	return { video: { value: video }, ...(audio && { audio: { value: audio } }) };
}

const SOURCE_FIELDS = { audio: ['audioUrl', 'Audio URL'], video: ['videoUrl', 'Video URL'], content_resource_id: ['contentResourceId', 'Content Resource ID'] };

/** Exactly one source, as GEN takes it: `{audio: {value}}`, `{video: {value}}` or `{content_resource_id}`. */
function oneSource(r: Reader, label: string, kinds: Array<keyof typeof SOURCE_FIELDS>): IDataObject {
	const given = kinds.map((kind) => [kind, r.text(SOURCE_FIELDS[kind][0])] as const).filter(([, value]) => value);
	if (given.length !== 1) {
		const names = kinds.map((kind) => SOURCE_FIELDS[kind][1]).join(' or ');
		throw itemError(r.context, `${label} needs exactly one source`, `Fill in one of ${names}${given.length ? ', not several' : ''}.`);
	}
	const [[kind, value]] = given;
	return { [kind]: kind === 'content_resource_id' ? value : { value } };
}

function trim(r: Reader) {
	const start = r.seconds('trimStartSeconds', 'Trim Start (Seconds)');
	const duration = r.seconds('trimDurationSeconds', 'Trim Duration (Seconds)');
	if (start && !duration) {
		throw itemError(r.context, 'Trim Start is set without a Trim Duration', 'Set how many seconds to use from Trim Start, or set Trim Start to 0.');
	}
	return duration ? { start_seconds: start ?? 0, duration_seconds: duration } : undefined;
}

function sourceAudio(r: Reader): IDataObject {
	const resourceId = r.text('sourceAudioResourceId');
	const url = r.text('sourceAudioUrl');
	if (resourceId && url) {
		throw itemError(r.context, 'A song takes one source audio', 'Fill in Source Audio Resource ID or Source Audio URL, not both.');
	}
	const weight = r.text('audioWeight');
	const audioWeight = weight === undefined ? undefined : numberValue(r.context, weight, 'Audio Weight');
	if (audioWeight !== undefined && audioWeight > 1) {
		throw itemError(r.context, '"Audio Weight" must be between 0.0 and 1.0', `Got "${weight}".`);
	}
	return { source_audio_resource_id: resourceId, source_audio_url: url, audio_weight: audioWeight };
}
