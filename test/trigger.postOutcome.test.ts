import type { IDataObject } from 'n8n-workflow';
import { useSandbox } from './support/gen';
import { pollTrigger } from './support/poll';

const env = useSandbox();

const postOutcome = (extra: IDataObject = {}) => ({ event: 'postOutcome', agentId: { __rl: true, mode: 'id', value: 'agent_1' }, ...extra });

/** Publishes now the way GEN > Post > Publish does; the sandbox moves the post on at each read of the calendar. */
async function publishNow(platforms: string[]) {
	const answer = await fetch(`${env.sandbox.baseUrl}/schedule/with-post`, {
		method: 'POST',
		headers: { 'X-API-Key': env.sandbox.apiKey, 'Content-Type': 'application/json', 'Idempotency-Key': `outcome-${Math.random()}` },
		body: JSON.stringify({ agent_id: 'agent_1', platform: platforms, schedule_type: 'now', media_url: 'https://cdn.example.com/v.mp4', title: 'Glow up', strict: true }),
	});
	expect(answer.status).toBe(200);
	return ((await answer.json()) as { post_id: number }).post_id;
}

const outcomes = (result: Awaited<ReturnType<typeof pollTrigger>>) =>
	(result ?? [[]])[0].map(({ json }) => [json.post_id, json.platform, json.normalized_status]);

describe('GEN Trigger: Post Outcome', () => {
	it('is silent on the first poll, then emits each platform outcome once, with its post_url or error', async () => {
		const staticData: IDataObject = {};
		env.sandbox.publishing.failPlatform('youtube', { error: 'Channel not connected', error_code: 'account_not_connected', failed_step: 'auth' });
		const postId = await publishNow(['youtube', 'x']);
		expect(await pollTrigger(env.sandbox, postOutcome(), { staticData })).toBeNull();

		const result = await pollTrigger(env.sandbox, postOutcome(), { staticData });
		expect(outcomes(result)).toEqual([
			[postId, 'youtube', 'failed'],
			[postId, 'x', 'published'],
		]);
		const [youtube, x] = result![0].map(({ json }) => json);
		expect(youtube).toMatchObject({ error: 'Channel not connected', error_code: 'account_not_connected', failed_step: 'auth', post_url: null });
		expect(x).toMatchObject({ post_url: `https://x.com/sandbox/status/${postId}x`, post: { id: postId, title: 'Glow up' } });
		expect(await pollTrigger(env.sandbox, postOutcome(), { staticData })).toBeNull();
	});

	it('reads one calendar window of at most 60 days that ends a day ahead', async () => {
		const before = Date.now();
		await pollTrigger(env.sandbox, postOutcome());
		const [request] = env.sandbox.requests.slice(-1);
		expect(request).toMatchObject({ method: 'GET', path: '/v1/schedule/posts', query: { agent_id: 'agent_1' } });
		expect(request.headers['x-api-key']).toBe(env.sandbox.apiKey);
		const start = Date.parse(String(request.query.start_date));
		const end = Date.parse(String(request.query.end_date));
		expect(end - start).toBe(60 * 86_400_000);
		expect(end).toBeGreaterThanOrEqual(before + 86_400_000 - 1_000);
		expect(end).toBeLessThanOrEqual(Date.now() + 86_400_000);
	});

	it('keeps only the chosen platforms and outcome', async () => {
		const staticData: IDataObject = {};
		const onlyLinkedIn = postOutcome({ platforms: ['linkedin'], outcome: 'published' });
		await pollTrigger(env.sandbox, onlyLinkedIn, { staticData });
		env.sandbox.publishing.failPlatform('x');
		const postId = await publishNow(['x', 'linkedin', 'tiktok']);
		await pollTrigger(env.sandbox, onlyLinkedIn, { staticData });
		expect(outcomes(await pollTrigger(env.sandbox, onlyLinkedIn, { staticData }))).toEqual([[postId, 'linkedin', 'published']]);

		const failures: IDataObject = {};
		await pollTrigger(env.sandbox, postOutcome({ outcome: 'failed' }), { staticData: failures });
		const second = await publishNow(['x', 'linkedin']);
		await pollTrigger(env.sandbox, postOutcome({ outcome: 'failed' }), { staticData: failures });
		expect(outcomes(await pollTrigger(env.sandbox, postOutcome({ outcome: 'failed' }), { staticData: failures }))).toEqual([[second, 'x', 'failed']]);
	});

	it('a 429 keeps the record; Fetch Test Event gives the newest outcome without touching it', async () => {
		const staticData: IDataObject = {};
		await pollTrigger(env.sandbox, postOutcome(), { staticData });
		const postId = await publishNow(['linkedin']);
		env.sandbox.fault({ status: 429 });
		expect(await pollTrigger(env.sandbox, postOutcome(), { staticData })).toBeNull();
		await pollTrigger(env.sandbox, postOutcome(), { staticData: {} });
		const before = JSON.parse(JSON.stringify(staticData));
		expect(outcomes(await pollTrigger(env.sandbox, postOutcome(), { staticData, mode: 'manual' }))).toEqual([[postId, 'linkedin', 'published']]);
		expect(staticData).toEqual(before);
		expect(outcomes(await pollTrigger(env.sandbox, postOutcome(), { staticData }))).toEqual([[postId, 'linkedin', 'published']]);
	});

	it('Fetch Test Event with no outcome yet emits the newest platform entry, as a sample', async () => {
		const postId = await publishNow(['x']);
		const result = await pollTrigger(env.sandbox, postOutcome({ outcome: 'failed' }), { mode: 'manual' });
		expect(outcomes(result)).toEqual([[postId, 'x', 'publishing']]);
	});

	it('a post GEN lists without an id is an error of the poll, not an empty result', async () => {
		env.sandbox.fault({ status: 200, json: [{ status: 'published', platforms_status: [{ platform: 'x', normalized_status: 'published' }] }] });
		await expect(pollTrigger(env.sandbox, postOutcome())).rejects.toThrow('GEN listed a post without an id');
	});
});
