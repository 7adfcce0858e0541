// @ts-check
'use strict';

/**
 * What GEN requires of each generation type's `data` (reference-generation-types.mdx, 2026-10),
 * checked minimally: the keys GEN documents as required, and "exactly one source" where it says so.
 * Used by the generate route and the estimate route alike.
 */

/** @typedef {Record<string, unknown>} Data */

/** @param {unknown} v */
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** @param {unknown} v */
const isText = (v) => typeof v === 'string' && v.trim() !== '';
/** `{value: "<uri>"}` @param {unknown} v */
const isMedia = (v) => isObject(v) && isText(/** @type {Data} */ (v).value);

/** @param {Data} data @param {string} key */
const needText = (data, key) => (isText(data[key]) ? undefined : `data.${key} is required`);

/** @param {Data} data @param {string[]} keys */
function exactlyOneSource(data, keys) {
	const given = keys.filter((k) => data[k] !== undefined);
	if (given.length !== 1) return `data needs exactly one of ${keys.join(', ')}`;
	const [key] = given;
	if (key === 'content_resource_id') return isText(String(data[key])) ? undefined : 'data.content_resource_id is required';
	return isMedia(data[key]) ? undefined : `data.${key}.value is required`;
}

const INGREDIENT_KEYS = ['prompt', 'images', 'native_audio'];

/** @type {Record<string, (data: Data) => string | undefined>} */
const CHECKS = {
	text: (d) => needText(d, 'prompt'),
	image_from_text: (d) => needText(d, 'prompt'),
	video_from_text: (d) => needText(d, 'prompt'),
	video_from_image: (d) => (d.image_resource_id === undefined || d.image_resource_id === '' ? 'data.image_resource_id is required' : undefined),
	video_from_ingredients: (d) => {
		const extra = Object.keys(d).filter((k) => !INGREDIENT_KEYS.includes(k));
		if (extra.length) return `data.${extra[0]} is not accepted for video_from_ingredients`;
		if (!Array.isArray(d.images) || d.images.length === 0 || !d.images.every(isMedia)) return 'data.images must be a list of {value}';
		return needText(d, 'prompt');
	},
	speech_from_text: (d) =>
		typeof d.text === 'string' && d.text.length >= 1 && d.text.length <= 4000 ? undefined : 'data.text must be 1-4000 characters',
	lipsync: (d) => {
		const media = isObject(d.talking_avatar_video_data) ? /** @type {Data} */ (d.talking_avatar_video_data) : {};
		if (!isMedia(media.video)) return 'data.talking_avatar_video_data.video.value is required';
		if (isMedia(media.audio) === (d.voice_generation_data !== undefined)) {
			return 'data needs exactly one of talking_avatar_video_data.audio.value, voice_generation_data';
		}
		if (d.lip_sync_model !== undefined && d.lip_sync_model !== 'gen' && d.lip_sync_model !== 'sync.so') {
			return 'data.lip_sync_model must be gen or sync.so';
		}
		return undefined;
	},
	captions: (d) => exactlyOneSource(d, ['audio', 'video']),
	transcription: (d) => exactlyOneSource(d, ['audio', 'video', 'content_resource_id']),
	song: (d) => needText(d, 'prompt'),
};

/** The generation types GEN accepts. */
const GENERATION_TYPES = Object.freeze(Object.keys(CHECKS));

/**
 * GEN's complaint about a type and its data, or undefined when GEN would take them.
 * @param {unknown} type @param {unknown} data
 */
function generationDataError(type, data) {
	if (typeof type !== 'string' || !CHECKS[type]) return `generation_type must be one of ${GENERATION_TYPES.join(', ')}`;
	if (!isObject(data)) return 'data must be an object';
	return CHECKS[type](/** @type {Data} */ (data));
}

module.exports = { generationDataError };
