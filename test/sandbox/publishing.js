// @ts-check
'use strict';

/**
 * GEN's publishing routes (CONTRACT.md "Publishing", openapi.yaml createScheduledPost and the
 * /schedule/post routes): one post to up to six platforms, each followed `accepted → publishing →
 * published | failed`, one step per GET of a `now` post or of a calendar it is in. Tests make a
 * platform fail (`failPlatform`) or the next create a 422 `platform_validation_failed` (`rejectNext`).
 *
 * @typedef {import('./routes').ApiRequest} ApiRequest
 * @typedef {import('./routes').ApiResult} ApiResult
 * @typedef {{ error: string, error_code: string, failed_step: string }} PlatformFailure
 * @typedef {{ platform: string, field: string, error: string }} Rejection
 */

const PLATFORMS = ['tiktok', 'instagram', 'facebook', 'youtube', 'x', 'linkedin'];
const SCHEDULE_TYPES = ['now', 'specific_time', 'next_available'];
/** Platforms that take no post without media (openapi: media_url "Required for …"). */
const NEEDS_MEDIA = ['tiktok', 'instagram', 'facebook', 'youtube'];
const CAPTION_LIMITS = { x: 280, tiktok: 2200, instagram: 2200, linkedin: 3000, youtube: 5000, facebook: 63206 };
const MAX_WINDOW_DAYS = 60;
const DAY_MS = 86_400_000;
const FIRST_POST_ID = 48213;
/** Content fields PATCH may change (SchedulePostContent, platform, schedule_type, scheduled_time). */
const UPDATABLE = [
	'media_type', 'media_url', 'media_urls', 'description', 'title', 'thumbnail_url', 'instagram_music', 'youtube_options',
	'linkedin_options', 'thread', 'reply_to_tweet_id', 'tiktok_privacy_level', 'tiktok_disable_comment', 'tiktok_disable_duet',
	'tiktok_disable_stitch', 'tiktok_disclose_commercial_content', 'tiktok_your_brand', 'tiktok_branded_content',
	'platform', 'schedule_type', 'scheduled_time',
];

/** FastAPI's own envelope: `{detail: "..."}` or `{detail: {...}}`. */
const detail = (/** @type {number} */ status, /** @type {unknown} */ value) => ({ status, body: { detail: value } });
const NOT_FOUND = () => detail(404, 'Post not found');

/** @param {Rejection[]} errors @returns {ApiResult} */
const validationFailed = (errors) =>
	detail(422, { error: errors[0].error, error_code: 'platform_validation_failed', platform: errors[0].platform, field: errors[0].field, errors });

/** Where each platform shows a live post. @type {Record<string, (id: string) => string>} */
const POST_URLS = {
	youtube: (id) => `https://www.youtube.com/watch?v=${id}`,
	tiktok: (id) => `https://www.tiktok.com/@sandbox/video/${id}`,
	instagram: (id) => `https://www.instagram.com/p/${id}/`,
	facebook: (id) => `https://www.facebook.com/sandbox/videos/${id}`,
	x: (id) => `https://x.com/sandbox/status/${id}`,
	linkedin: (id) => `https://www.linkedin.com/feed/update/urn:li:share:${id}`,
};

function createPublishingStore() {
	/** @type {Map<string, Record<string, any>>} */
	const posts = new Map();
	/** @type {Map<string, PlatformFailure>} */
	const failures = new Map();
	/** @type {Rejection[]} */
	let rejections = [];
	let nextId = FIRST_POST_ID;
	/** @type {Map<string, number>} */
	const polls = new Map();

	/** @param {Record<string, unknown>} body @param {string[]} platforms @returns {Rejection[]} */
	function check(body, platforms) {
		/** @type {Rejection[]} */
		const errors = [];
		const media = [body.media_url, ...(Array.isArray(body.media_urls) ? body.media_urls : [])].filter((m) => typeof m === 'string' && m);
		const caption = typeof body.description === 'string' ? body.description : '';
		for (const platform of platforms) {
			const add = (/** @type {string} */ field, /** @type {string} */ error) => errors.push({ platform, field, error });
			if (NEEDS_MEDIA.includes(platform) && media.length === 0) add('media_url', `${platform} requires media_url`);
			const limit = /** @type {Record<string, number>} */ (CAPTION_LIMITS)[platform];
			if (caption.length > limit) add('description', `Caption exceeds ${limit} characters`);
			if (platform === 'youtube') {
				const title = typeof body.title === 'string' ? body.title : '';
				if (!title.trim()) add('title', 'YouTube requires a title');
				else if (title.length > 100) add('title', 'YouTube title exceeds 100 characters');
			}
			if (platform === 'instagram' && media.length > 10) add('media_urls', 'Instagram carousel takes 2-10 items');
			if (platform === 'x' && media.length > 4) add('media_urls', 'X takes at most 4 images');
		}
		return errors;
	}

	/**
	 * The post as GEN shows it: a copy, without the sandbox's planned failures.
	 * @param {Record<string, any>} post @returns {Record<string, any> & { id: number, platforms_status: Record<string, unknown>[] }}
	 */
	function present(post) {
		const { failures: _planned, ...shown } = post;
		return { ...shown, id: post.id, platforms_status: post.platforms_status.map((/** @type {object} */ s) => ({ ...s })) };
	}

	/** One step for every platform still going: accepted → publishing → published | failed. */
	function advance(/** @type {Record<string, any>} */ post) {
		if (post.schedule_type !== 'now') return;
		for (const status of post.platforms_status) {
			if (status.normalized_status === 'accepted') {
				Object.assign(status, { status: 'processing', normalized_status: 'publishing' });
			} else if (status.normalized_status === 'publishing') {
				const failure = post.failures[status.platform];
				if (failure) Object.assign(status, { status: 'error', normalized_status: 'failed', ...failure });
				else {
					const id = `${post.id}${status.platform}`;
					Object.assign(status, {
						status: 'success',
						normalized_status: 'published',
						platform_post_id: id,
						post_url: POST_URLS[status.platform](id),
						published_at: new Date().toISOString(),
					});
				}
			}
		}
		const ends = post.platforms_status.map((/** @type {{ normalized_status: string }} */ s) => s.normalized_status);
		if (ends.every((/** @type {string} */ s) => s === 'published' || s === 'failed')) {
			post.status = ends.includes('failed') ? (ends.includes('published') ? 'partially_published' : 'failed') : 'published';
		} else post.status = 'publishing';
	}

	/** @param {ApiRequest} req @returns {ApiResult} */
	function create({ body }) {
		if (typeof body.agent_id !== 'string' && typeof body.agent_id !== 'number') return detail(422, 'agent_id is required');
		const platforms = body.platform;
		if (!Array.isArray(platforms) || platforms.length === 0 || platforms.some((p) => !PLATFORMS.includes(String(p)))) {
			return detail(422, `platform must be a non-empty list of ${PLATFORMS.join(', ')}`);
		}
		const scheduleType = body.schedule_type ?? 'next_available';
		if (!SCHEDULE_TYPES.includes(String(scheduleType))) return detail(422, `schedule_type must be one of ${SCHEDULE_TYPES.join(', ')}`);
		let scheduledTime = new Date(Date.now() + 3_600_000).toISOString();
		if (scheduleType === 'specific_time') {
			const at = typeof body.scheduled_time === 'string' ? Date.parse(body.scheduled_time) : NaN;
			if (Number.isNaN(at)) return detail(422, 'scheduled_time is required for specific_time');
			if (at <= Date.now()) return detail(422, 'scheduled_time must be in the future');
			scheduledTime = new Date(at).toISOString();
		} else if (scheduleType === 'now') scheduledTime = new Date().toISOString();
		if (rejections.length > 0) {
			const refused = rejections;
			rejections = [];
			return validationFailed(refused);
		}
		const errors = check(body, platforms.map(String));
		const refused = new Set(errors.map((e) => e.platform));
		if (errors.length > 0 && body.strict === true) return validationFailed(errors);
		const going = platforms.map(String).filter((p) => !refused.has(p));
		const id = nextId++;
		/** @type {Record<string, any>} */
		const post = {
			id,
			agent_id: String(body.agent_id),
			status: scheduleType === 'now' ? 'publishing' : 'scheduled',
			schedule_type: scheduleType,
			scheduled_time: scheduledTime,
			media_type: body.media_type ?? 'VIDEO',
			media_url: body.media_url ?? null,
			description: body.description ?? null,
			title: body.title ?? null,
			thumbnail_url: body.thumbnail_url ?? null,
			media_urls: body.media_urls ?? null,
			platform_options: Object.fromEntries(
				['instagram_music', 'youtube_options', 'linkedin_options'].filter((k) => body[k] !== undefined).map((k) => [k, body[k]]),
			),
			platforms_status: going.map((platform) => ({
				platform,
				status: scheduleType === 'now' ? 'queued' : 'scheduled',
				normalized_status: 'accepted',
				platform_post_id: null,
				post_url: null,
				published_at: null,
				error: null,
				error_code: null,
				failed_step: null,
				warning: null,
				scheduled_time: scheduledTime,
			})),
			failures: Object.fromEntries(going.filter((p) => failures.has(p)).map((p) => [p, failures.get(p)])),
		};
		posts.set(String(id), post);
		const shown = present(post);
		return {
			status: 200,
			body: {
				message: 'Post accepted and queued',
				post_id: id,
				platforms: platforms.map(String),
				platforms_status: shown.platforms_status,
				...(errors.length > 0 && {
					platforms_skipped: [...refused].map((platform) => ({
						platform,
						reason: errors.filter((e) => e.platform === platform).map((e) => `${e.field}: ${e.error}`).join('; '),
					})),
				}),
				status_url: `/schedule/post/${id}`,
				idempotent_replay: false,
				post: shown,
			},
		};
	}

	/** @param {string} id @returns {ApiResult} */
	function get(id) {
		const post = posts.get(id);
		if (!post) return NOT_FOUND();
		polls.set(id, (polls.get(id) ?? 0) + 1);
		advance(post);
		return { status: 200, body: present(post) };
	}

	/** @param {ApiRequest} req @returns {ApiResult} */
	function list({ query }) {
		const agentId = query.get('agent_id');
		const start = Date.parse(query.get('start_date') ?? '');
		const end = Date.parse(query.get('end_date') ?? '');
		if (!agentId) return detail(422, 'agent_id is required');
		if (Number.isNaN(start) || Number.isNaN(end)) return detail(422, 'start_date and end_date are required ISO 8601 dates');
		if (end < start) return detail(422, 'end_date must not be before start_date');
		if (end - start > MAX_WINDOW_DAYS * DAY_MS) return detail(422, `The window may span at most ${MAX_WINDOW_DAYS} days`);
		// A date-only end_date takes in that whole day.
		const endOfWindow = /^\d{4}-\d{2}-\d{2}$/.test(query.get('end_date') ?? '') ? end + DAY_MS : end;
		const found = [...posts.values()].filter((post) => {
			const at = Date.parse(post.scheduled_time);
			return post.agent_id === agentId && at >= start && at < endOfWindow;
		});
		// Reading the calendar moves its posts on like reading each one (a GEN Trigger sees them publish).
		found.forEach(advance);
		return { status: 200, body: found.map(present) };
	}

	/** @param {ApiRequest} req @param {string} id @returns {ApiResult} */
	function update({ body }, id) {
		const post = posts.get(id);
		if (!post) return NOT_FOUND();
		if (post.schedule_type === 'now') return detail(422, 'A post created with schedule_type now cannot be updated');
		if (post.platforms_status.some((/** @type {{ normalized_status: string }} */ s) => s.normalized_status !== 'accepted')) {
			return detail(422, 'The post has already been sent');
		}
		for (const key of UPDATABLE) if (body[key] !== undefined) post[key] = body[key];
		return { status: 200, body: present(post) };
	}

	/** @param {string} id @returns {ApiResult} */
	function remove(id) {
		if (!posts.delete(id)) return NOT_FOUND();
		return { status: 200, body: { message: 'Post deleted' } };
	}

	return {
		/**
		 * Routes `/v1/schedule/…`; undefined for any other path.
		 * @param {ApiRequest} req @returns {ApiResult | undefined}
		 */
		route(req) {
			const { method, segments: s } = req;
			if (s[0] !== 'schedule') return undefined;
			if (s.length === 2 && s[1] === 'with-post' && method === 'POST') return create(req);
			if (s.length === 2 && s[1] === 'posts' && method === 'GET') return list(req);
			if (s.length === 3 && s[1] === 'post') {
				if (method === 'GET') return get(s[2]);
				if (method === 'PATCH') return update(req, s[2]);
				if (method === 'DELETE') return remove(s[2]);
			}
			return detail(404, 'Not Found');
		},
		/**
		 * Posts created from now on fail on this platform at their last step (null: stop failing it).
		 * @param {string} platform @param {Partial<PlatformFailure> | null} [failure]
		 */
		failPlatform(platform, failure = {}) {
			if (!PLATFORMS.includes(platform)) throw new TypeError(`platform must be one of ${PLATFORMS.join(', ')}`);
			if (failure === null) return void failures.delete(platform);
			failures.set(platform, {
				error: failure.error ?? `${platform} rejected the upload`,
				error_code: failure.error_code ?? 'platform_upload_failed',
				failed_step: failure.failed_step ?? 'upload',
			});
		},
		/** The next create answers 422 platform_validation_failed with these errors. @param {Rejection | Rejection[]} errors */
		rejectNext(errors) {
			rejections = Array.isArray(errors) ? errors : [errors];
		},
		/** Posts as stored (for tests), by id. */
		posts: () => [...posts.values()].map(present),
		/** GET /v1/schedule/post/{id} count. */
		polls: (/** @type {string | number} */ id) => polls.get(String(id)) ?? 0,
		reset() {
			posts.clear();
			failures.clear();
			polls.clear();
			rejections = [];
			nextId = FIRST_POST_ID;
		},
	};
}

/** A replayed create of a post says so, as GEN does (`idempotent_replay: true`). @param {{ status: number, body?: unknown }} answer */
function markReplay(answer) {
	const body = answer.body;
	if (!body || typeof body !== 'object' || !('idempotent_replay' in body)) return answer;
	return { ...answer, body: { ...body, idempotent_replay: true } };
}

module.exports = { createPublishingStore, markReplay, PLATFORMS };
