import { ENCODED, REFUSED } from './support/hostile-ids';
import { jsonOf, keyLocator, runGen, shown, useSandbox, type GenParameters } from './support/gen';

const gen = useSandbox();

const AGENT = keyLocator('agent_1');
const VIDEO = 'https://cdn.gen.pro/outputs/render_xyz.mp4';
const fast = { pollIntervalSeconds: 1, timeoutMinutes: 1 };
const publish = (more: GenParameters = {}) => ({
	resource: 'post',
	operation: 'publish',
	agentId: AGENT,
	platforms: ['youtube', 'tiktok'],
	when: 'now',
	mediaUrl: VIDEO,
	postTitle: 'Factory price reveal',
	description: 'What your $12 sponge costs',
	options: fast,
	...more,
});
const posts = () => gen.sandbox.requests.filter(({ method, path }) => method === 'POST' && path === '/v1/schedule/with-post');
const lines = () => gen.sandbox.requests.map(({ method, url }) => `${method} ${url}`);

describe('Post > Publish', () => {
	it('sends the post with an Idempotency-Key, waits until every platform published and outputs the URLs', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, publish());

		expect(error).toBeUndefined();
		expect(posts()).toHaveLength(1);
		expect(posts()[0].body).toEqual({
			agent_id: 'agent_1',
			platform: ['youtube', 'tiktok'],
			schedule_type: 'now',
			media_url: VIDEO,
			title: 'Factory price reveal',
			description: 'What your $12 sponge costs',
			strict: true,
		});
		expect(posts()[0].headers['idempotency-key']).toMatch(/^n8n-/);
		expect(lines().slice(1)).toEqual(['GET /v1/schedule/post/48213', 'GET /v1/schedule/post/48213']);
		const [json] = jsonOf(items);
		expect(json.post_id).toBe(48213);
		expect(json.published).toEqual({
			youtube: 'https://www.youtube.com/watch?v=48213youtube',
			tiktok: 'https://www.tiktok.com/@sandbox/video/48213tiktok',
		});
		expect((json.platforms_status as Array<{ normalized_status: string }>).map((s) => s.normalized_status)).toEqual(['published', 'published']);
		expect(items).toHaveLength(1);
	});

	it('a retried item sends the same key: GEN replays the post instead of posting again', async () => {
		const { sandbox } = gen;
		sandbox.fault({ status: 503, serve: true, match: { method: 'POST', path: '/v1/schedule/with-post' } });
		const { items, error } = await runGen(sandbox, publish({ waitForPublished: false }), { retryOnFail: { maxTries: 2 } });

		expect(error).toBeUndefined();
		const keys = posts().map(({ headers }) => headers['idempotency-key']);
		expect(keys).toHaveLength(2);
		expect(keys[0]).toBe(keys[1]);
		expect(sandbox.publishing.posts()).toHaveLength(1);
		expect(jsonOf(items)[0]).toMatchObject({ post_id: 48213, idempotent_replay: true });
	});

	it('two items are two posts with different keys', async () => {
		const { sandbox } = gen;
		await runGen(sandbox, publish({ waitForPublished: false }), { items: [{}, {}] });

		const keys = posts().map(({ headers }) => headers['idempotency-key']);
		expect(new Set(keys).size).toBe(2);
		expect(sandbox.publishing.posts()).toHaveLength(2);
	});

	it('a failed platform is the error naming platform, error, error_code and failed_step', async () => {
		const { sandbox } = gen;
		sandbox.publishing.failPlatform('tiktok', { error: 'Video too long', error_code: 'duration_exceeded', failed_step: 'upload' });
		const { error } = await runGen(sandbox, publish());

		expect(error?.message).toBe('GEN post 48213 failed on tiktok: Video too long [duration_exceeded] at step upload');
		expect(error?.description).toContain('It published on youtube');
	});

	it('with Continue On Fail the item carries the failure and the other platforms\' URLs', async () => {
		const { sandbox } = gen;
		sandbox.publishing.failPlatform('tiktok');
		const { items, error } = await runGen(sandbox, publish(), { continueOnFail: true });

		expect(error).toBeUndefined();
		const [json] = jsonOf(items);
		expect(json.error).toContain('tiktok: tiktok rejected the upload [platform_upload_failed] at step upload');
		expect(json.published).toEqual({ youtube: 'https://www.youtube.com/watch?v=48213youtube' });
	});

	it('Specific Time: the workflow time zone\'s wall clock is sent as UTC, and it returns at once as scheduled', async () => {
		const { sandbox } = gen;
		const { items, error } = await runGen(
			sandbox,
			publish({ when: 'specific_time', scheduledTime: '2099-07-01T09:30:00' }),
			{ settings: { timezone: 'Asia/Tokyo' } },
		);

		expect(error).toBeUndefined();
		expect(posts()[0].body).toMatchObject({ schedule_type: 'specific_time', scheduled_time: '2099-07-01T00:30:00Z' });
		expect(lines()).toHaveLength(1);
		expect(jsonOf(items)[0]).toMatchObject({ post_id: 48213, published: {} });
	});

	it('Next Available is the default and sends no time', async () => {
		const { sandbox } = gen;
		const parameters: GenParameters = publish();
		delete parameters.when;
		await runGen(sandbox, parameters);

		expect(posts()[0].body).toMatchObject({ schedule_type: 'next_available' });
		expect(posts()[0].body).not.toHaveProperty('scheduled_time');
		expect(lines()).toHaveLength(1);
	});

	it('sends each chosen platform\'s options, and none of a platform left out', async () => {
		const { sandbox } = gen;
		await runGen(
			sandbox,
			publish({
				platforms: ['youtube', 'tiktok', 'instagram', 'linkedin', 'x'],
				moreMediaUrls: 'https://cdn.example.com/2.jpg, https://cdn.example.com/3.jpg',
				thumbnailUrl: 'https://cdn.example.com/cover.jpg',
				waitForPublished: false,
				platformOptions: {
					youtubeVisibility: 'unlisted',
					youtubeShorts: true,
					youtubeTags: 'sourcing, beauty',
					youtubeMadeForKids: false,
					youtubeNotifySubscribers: false,
					youtubeCategoryId: 27,
					tiktokPrivacyLevel: 'SELF_ONLY',
					tiktokDisableComment: true,
					tiktokDisableDuet: true,
					tiktokDisableStitch: false,
					tiktokDiscloseCommercialContent: true,
					tiktokYourBrand: true,
					tiktokBrandedContent: false,
					instagramMusic: 'auto',
					instagramMusicTrackUrl: 'https://cdn.example.com/track.mp3',
					linkedinVisibility: 'connections',
					linkedinAltText: ['one', 'two'],
					xThread: ['1/ first', '2/ second'],
					xReplyToTweetId: '1799',
				},
			}),
		);

		expect(posts()[0].body).toEqual({
			agent_id: 'agent_1',
			platform: ['youtube', 'tiktok', 'instagram', 'linkedin', 'x'],
			schedule_type: 'now',
			media_url: VIDEO,
			media_urls: ['https://cdn.example.com/2.jpg', 'https://cdn.example.com/3.jpg'],
			title: 'Factory price reveal',
			description: 'What your $12 sponge costs',
			thumbnail_url: 'https://cdn.example.com/cover.jpg',
			youtube_options: { visibility: 'unlisted', shorts: true, tags: ['sourcing', 'beauty'], made_for_kids: false, notify_subscribers: false, category_id: 27 },
			instagram_music: { mode: 'auto', track_url: 'https://cdn.example.com/track.mp3' },
			linkedin_options: { visibility: 'connections', alt_text: ['one', 'two'] },
			thread: [{ text: '1/ first' }, { text: '2/ second' }],
			reply_to_tweet_id: '1799',
			tiktok_privacy_level: 'SELF_ONLY',
			tiktok_disable_comment: true,
			tiktok_disable_duet: true,
			tiktok_disable_stitch: false,
			tiktok_disclose_commercial_content: true,
			tiktok_your_brand: true,
			tiktok_branded_content: false,
			strict: true,
		});
	});

	it('leaves out the options of platforms not chosen', async () => {
		const { sandbox } = gen;
		await runGen(sandbox, publish({ platforms: ['youtube'], waitForPublished: false, platformOptions: { tiktokPrivacyLevel: 'SELF_ONLY', xReplyToTweetId: '1', youtubeShorts: true } }));

		const body = posts()[0].body as Record<string, unknown>;
		expect(body.youtube_options).toEqual({ shorts: true });
		expect(body).not.toHaveProperty('tiktok_privacy_level');
		expect(body).not.toHaveProperty('reply_to_tweet_id');
	});

	const sixMedia = Array.from({ length: 10 }, (_, i) => `https://cdn.example.com/${i}.jpg`).join('\n');
	it.each([
		['YouTube without a title', { platforms: ['youtube'], postTitle: '' }, 'YouTube: Title: YouTube requires a title'],
		['a YouTube title over 100', { platforms: ['youtube'], postTitle: 'x'.repeat(101) }, 'YouTube: Title: at most 100 characters (got 101)'],
		['an X caption over 280', { platforms: ['x'], description: 'x'.repeat(281) }, 'X: Description: at most 280 characters (got 281)'],
		['an Instagram carousel of 11', { platforms: ['instagram'], moreMediaUrls: sixMedia }, 'Instagram: More Media URLs: a carousel takes 2 to 10 media in all (got 11)'],
		['X with 5 images', { platforms: ['x'], moreMediaUrls: sixMedia.split('\n').slice(0, 4).join(',') }, 'X: More Media URLs: at most 4 images (got 5)'],
		['a time in the past', { when: 'specific_time', scheduledTime: '2020-01-01T10:00:00' }, 'is not in the future'],
		['no platform (an expression giving none)', { platforms: '={{ [] }}' }, 'Choose at least one platform'],
		['an empty Agent', { agentId: keyLocator('') }, 'Agent is empty'],
	])('refuses %s before sending anything', async (_case, more, message) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, publish(more));

		expect(error?.message).toContain(message);
		expect(sandbox.requests).toEqual([]);
	});

	it("reads GEN's 422 platform_validation_failed as <platform>: <field>: <error>", async () => {
		const { sandbox } = gen;
		sandbox.publishing.rejectNext({ platform: 'tiktok', field: 'media_url', error: 'TikTok needs a video' });
		const { error } = await runGen(sandbox, publish());

		expect(error?.message).toBe('GEN API error 422: TikTok needs a video [platform_validation_failed] (platform tiktok, field media_url)');
		expect(shown(error)?.httpCode).toBe('422');
	});

	it('Strict off lets GEN skip a platform that cannot take the content', async () => {
		const { sandbox } = gen;
		const { items } = await runGen(sandbox, publish({ platforms: ['youtube', 'instagram'], mediaUrl: '', strict: false, waitForPublished: false }));

		expect(posts()[0].body).toMatchObject({ strict: false });
		expect(jsonOf(items)[0].platforms_skipped).toEqual([expect.objectContaining({ platform: 'youtube' }), expect.objectContaining({ platform: 'instagram' })]);
	});

	it('a redirect is refused: the key is not sent on', async () => {
		const { sandbox } = gen;
		sandbox.fault({ status: 302, headers: { Location: 'http://127.0.0.1:1/elsewhere' } });
		const { error } = await runGen(sandbox, publish());

		expect(error?.message).toMatch(/redirect/i);
		expect(sandbox.requests).toHaveLength(1);
	});
});

describe('Post > Get Many', () => {
	it('reads a window over 60 days in 60-day pieces', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, {
			resource: 'post',
			operation: 'getAll',
			agentId: AGENT,
			startDate: '2026-01-01T00:00:00Z',
			endDate: '2026-05-01T00:00:00Z',
		});

		expect(error).toBeUndefined();
		expect(sandbox.requests.map(({ query }) => query)).toEqual([
			{ agent_id: 'agent_1', start_date: '2026-01-01T00:00:00Z', end_date: '2026-03-02T00:00:00Z' },
			{ agent_id: 'agent_1', start_date: '2026-03-02T00:00:00Z', end_date: '2026-05-01T00:00:00Z' },
		]);
	});

	it('outputs one item per post of the window, once each', async () => {
		const { sandbox } = gen;
		await runGen(sandbox, publish({ when: 'specific_time', scheduledTime: '2099-03-01T12:00:00Z', waitForPublished: false }));
		sandbox.clearRequests();
		const { items } = await runGen(sandbox, {
			resource: 'post',
			operation: 'getAll',
			agentId: AGENT,
			startDate: '2099-01-01T00:00:00Z',
			endDate: '2099-06-01T00:00:00Z',
		});

		expect(sandbox.requests).toHaveLength(3);
		expect(jsonOf(items).map(({ id }) => id)).toEqual([48213]);
	});
});

describe('Post > Get, Update, Delete', () => {
	const scheduled = async () => {
		await runGen(gen.sandbox, publish({ when: 'specific_time', scheduledTime: '2099-03-01T12:00:00Z', waitForPublished: false }));
		gen.sandbox.clearRequests();
	};

	it('Get outputs the post with its platforms_status', async () => {
		await scheduled();
		const { items } = await runGen(gen.sandbox, { resource: 'post', operation: 'get', postId: '48213' });

		expect(lines()).toEqual(['GET /v1/schedule/post/48213']);
		expect(jsonOf(items)[0]).toMatchObject({ id: 48213, platforms_status: [expect.objectContaining({ platform: 'youtube', normalized_status: 'accepted' }), expect.anything()] });
	});

	it('Update sends only the fields set, the time as UTC', async () => {
		await scheduled();
		const { items, error } = await runGen(
			gen.sandbox,
			{ resource: 'post', operation: 'update', postId: '48213', updateFields: { title: 'New title', scheduledTime: '2099-04-01T12:00:00' } },
			{ settings: { timezone: 'Europe/Berlin' } },
		);

		expect(error).toBeUndefined();
		expect(gen.sandbox.requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
			{ method: 'PATCH', path: '/v1/schedule/post/48213', body: { title: 'New title', schedule_type: 'specific_time', scheduled_time: '2099-04-01T10:00:00Z' } },
		]);
		expect(jsonOf(items)[0]).toMatchObject({ title: 'New title', scheduled_time: '2099-04-01T10:00:00Z' });
	});

	it('Update with nothing to change sends nothing', async () => {
		const { error } = await runGen(gen.sandbox, { resource: 'post', operation: 'update', postId: '48213' });

		expect(error?.message).toBe('Nothing to update');
		expect(gen.sandbox.requests).toEqual([]);
	});

	it('Delete deletes the post', async () => {
		await scheduled();
		const { items } = await runGen(gen.sandbox, { resource: 'post', operation: 'delete', postId: '48213' });

		expect(lines()).toEqual(['DELETE /v1/schedule/post/48213']);
		expect(jsonOf(items)).toEqual([{ post_id: '48213', message: 'Post deleted' }]);
		expect(gen.sandbox.publishing.posts()).toEqual([]);
	});

	it('a post GEN does not know is a 404 naming a post', async () => {
		const { error } = await runGen(gen.sandbox, { resource: 'post', operation: 'get', postId: '1' });

		expect(error?.message).toBe('GEN API error 404: Post not found');
		expect(error?.description).toContain('no such post');
	});

	it.each(ENCODED)('sends the hostile post ID %s as one encoded segment', async (id, encoded) => {
		await runGen(gen.sandbox, { resource: 'post', operation: 'get', postId: id });

		expect(gen.sandbox.requests.map(({ path }) => path)).toEqual([`/v1/schedule/post/${encoded}`]);
	});

	it.each(REFUSED)('refuses the post ID %s before sending', async (id) => {
		const { error } = await runGen(gen.sandbox, { resource: 'post', operation: 'delete', postId: id });

		expect(error?.message).toContain('is not a valid ID');
		expect(gen.sandbox.requests).toEqual([]);
	});
});
