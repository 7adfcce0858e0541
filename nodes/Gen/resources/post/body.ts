import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { itemError } from '../../shared/errors';
import { dateValue, parameterValue } from '../../shared/input';
import { PLATFORMS, type Platform } from './platformOptions';

// What Post > Publish sends, and what GEN would refuse, checked before anything is sent.

const CAPTION_LIMITS: Record<Platform, number> = {
	x: 280,
	tiktok: 2200,
	instagram: 2200,
	linkedin: 3000,
	youtube: 5000,
	facebook: 63206,
};
const TITLE_LIMITS: Partial<Record<Platform, number>> = { youtube: 100, facebook: 255, linkedin: 400 };
const NAMES = Object.fromEntries(PLATFORMS.map(([name, value]) => [value, name])) as Record<Platform, string>;

/** Text as given (numbers become text); blank is undefined. */
export function optionalText(raw: unknown): string | undefined {
	if (raw === null || raw === undefined) return undefined;
	const text = typeof raw === 'string' ? raw : String(raw);
	return text.trim() ? text : undefined;
}

/** A list given as a list or as text separated by commas or new lines, blanks dropped. */
export function listOf(raw: unknown): string[] {
	const entries = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\n,]/) : raw === null || raw === undefined ? [] : [raw];
	return entries.map((entry) => String(entry ?? '').trim()).filter(Boolean);
}

/** A date-time in the workflow's time zone (or with its own offset) as GEN's ISO 8601 UTC. */
export function utcTime(context: IExecuteSingleFunctions, raw: unknown, label: string) {
	return new Date(dateValue(context, raw, label)).toISOString().replace(/\.000Z$/, 'Z');
}

/** Scheduled Time as GEN's UTC time; GEN refuses a time that has passed, so it is refused here first. */
export function futureTime(context: IExecuteSingleFunctions, raw: unknown) {
	const at = utcTime(context, raw, 'Scheduled Time');
	if (Date.parse(at) <= Date.now()) {
		throw itemError(context, `Scheduled Time ${at} is not in the future`, "Pick a later time (in the workflow's time zone), or When: Now. Nothing was sent.");
	}
	return at;
}

export function platformsOf(context: IExecuteSingleFunctions): Platform[] {
	const raw = context.getNodeParameter('platforms', []) as unknown;
	const platforms = listOf(raw);
	const known = PLATFORMS.map(([, value]) => value as string);
	const unknown = platforms.filter((platform) => !known.includes(platform));
	if (platforms.length === 0 || unknown.length > 0) {
		throw itemError(
			context,
			platforms.length === 0 ? 'Choose at least one platform' : `Unknown platform: ${unknown.join(', ')}`,
			`Platforms takes ${known.join(', ')}. Nothing was sent.`,
		);
	}
	return [...new Set(platforms)] as Platform[];
}

const refuse = (context: IExecuteSingleFunctions, platform: Platform, field: string, what: string) =>
	itemError(context, `${NAMES[platform]}: ${field}: ${what}`, `Correct "${field}" or leave ${NAMES[platform]} out of Platforms. Nothing was sent.`);

/** The checks GEN makes per platform, made here first so that a refused post sends nothing. */
function checkContent(context: IExecuteSingleFunctions, platforms: Platform[], body: IDataObject) {
	const media = [body.media_url, ...((body.media_urls as string[] | undefined) ?? [])].filter(Boolean);
	const caption = (body.description as string | undefined) ?? '';
	const title = (body.title as string | undefined) ?? '';
	for (const platform of platforms) {
		if (caption.length > CAPTION_LIMITS[platform]) {
			throw refuse(context, platform, 'Description', `at most ${CAPTION_LIMITS[platform]} characters (got ${caption.length})`);
		}
		const titleLimit = TITLE_LIMITS[platform];
		if (platform === 'youtube' && !title.trim()) throw refuse(context, platform, 'Title', 'YouTube requires a title');
		if (titleLimit && title.length > titleLimit) {
			throw refuse(context, platform, 'Title', `at most ${titleLimit} characters (got ${title.length})`);
		}
		if (platform === 'instagram' && media.length > 10) {
			throw refuse(context, platform, 'More Media URLs', `a carousel takes 2 to 10 media in all (got ${media.length})`);
		}
		if (platform === 'x' && media.length > 4) throw refuse(context, platform, 'More Media URLs', `at most 4 images (got ${media.length})`);
	}
	for (const tweet of (body.thread as Array<{ text: string }> | undefined) ?? []) {
		if (tweet.text.length > 280) throw refuse(context, 'x', 'X Thread', `each tweet at most 280 characters (got ${tweet.text.length})`);
	}
}

/** GEN's content fields: the media, texts and the chosen platforms' options. */
export function contentBody(context: IExecuteSingleFunctions, platforms: Platform[]): IDataObject {
	const mediaUrls = listOf(parameterValue(context, 'moreMediaUrls', ''));
	const body: IDataObject = {
		media_url: optionalText(parameterValue(context, 'mediaUrl', '')),
		...(mediaUrls.length > 0 && { media_urls: mediaUrls }),
		title: optionalText(parameterValue(context, 'postTitle', '')),
		description: optionalText(parameterValue(context, 'description', '')),
		thumbnail_url: optionalText(parameterValue(context, 'thumbnailUrl', '')),
		...platformOptions(context.getNodeParameter('platformOptions', {}) as IDataObject, platforms),
	};
	for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
	checkContent(context, platforms, body);
	return body;
}

/** Only what was set, of the platforms chosen: an option of a platform left out is not sent. */
function platformOptions(options: IDataObject, platforms: Platform[]): IDataObject {
	const has = (platform: Platform) => platforms.includes(platform);
	const set = (entries: Array<[string, unknown]>) => {
		const object = Object.fromEntries(entries.filter(([, value]) => value !== undefined && value !== ''));
		return Object.keys(object).length > 0 ? object : undefined;
	};
	const tags = options.youtubeTags === undefined ? undefined : listOf(options.youtubeTags);
	const youtube = has('youtube')
		? set([
				['visibility', options.youtubeVisibility],
				['shorts', options.youtubeShorts],
				['tags', tags],
				['made_for_kids', options.youtubeMadeForKids],
				['notify_subscribers', options.youtubeNotifySubscribers],
				['category_id', options.youtubeCategoryId],
			])
		: undefined;
	const music = has('instagram') ? set([['mode', options.instagramMusic], ['track_url', optionalText(options.instagramMusicTrackUrl)]]) : undefined;
	const altText = options.linkedinAltText === undefined ? undefined : listOf(options.linkedinAltText);
	const linkedin = has('linkedin') ? set([['visibility', options.linkedinVisibility], ['alt_text', altText]]) : undefined;
	const thread = has('x') && options.xThread !== undefined ? listOf(options.xThread).map((text) => ({ text })) : [];
	const tiktok = has('tiktok')
		? set([
				['tiktok_privacy_level', options.tiktokPrivacyLevel],
				['tiktok_disable_comment', options.tiktokDisableComment],
				['tiktok_disable_duet', options.tiktokDisableDuet],
				['tiktok_disable_stitch', options.tiktokDisableStitch],
				['tiktok_disclose_commercial_content', options.tiktokDiscloseCommercialContent],
				['tiktok_your_brand', options.tiktokYourBrand],
				['tiktok_branded_content', options.tiktokBrandedContent],
			])
		: undefined;
	return {
		...(youtube && { youtube_options: youtube }),
		...(music && { instagram_music: music }),
		...(linkedin && { linkedin_options: linkedin }),
		...(thread.length > 0 && { thread }),
		...(has('x') && optionalText(options.xReplyToTweetId) && { reply_to_tweet_id: String(options.xReplyToTweetId).trim() }),
		...tiktok,
	};
}

/** When: GEN's schedule_type, and for a specific time its future UTC time. */
export function scheduleOf(context: IExecuteSingleFunctions): IDataObject {
	const when = String(context.getNodeParameter('when', 'next_available'));
	if (!['now', 'specific_time', 'next_available'].includes(when)) {
		throw itemError(context, `When "${when}" is not one of now, specific_time, next_available`, 'Pick When from the list. Nothing was sent.');
	}
	if (when !== 'specific_time') return { schedule_type: when };
	return { schedule_type: when, scheduled_time: futureTime(context, parameterValue(context, 'scheduledTime', '')) };
}
