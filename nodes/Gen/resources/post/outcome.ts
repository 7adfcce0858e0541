import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { leaveSlot } from '../../shared/dispatch';
import { itemError } from '../../shared/errors';
import { pollOnce, waitUntilDone, type WaitSettings } from '../../shared/waiting';

// Post > Publish follows the post until every platform has published or failed.

type PlatformStatus = IDataObject & { platform?: string; normalized_status?: string; post_url?: string | null };

const ENDED = ['published', 'failed'];

const statusesOf = (post: IDataObject) => (Array.isArray(post.platforms_status) ? (post.platforms_status as PlatformStatus[]) : []);

/** `platform → post_url` of the platforms that have published. */
function publishedUrls(post: IDataObject): IDataObject {
	return Object.fromEntries(
		statusesOf(post)
			.filter((status) => status.normalized_status === 'published' && typeof status.post_url === 'string')
			.map((status) => [String(status.platform), status.post_url]),
	);
}

/** The error of the platforms that failed, each with GEN's error, error_code and failed_step. */
function failureError(context: IExecuteSingleFunctions, postId: unknown, post: IDataObject) {
	const failed = statusesOf(post).filter((status) => status.normalized_status === 'failed');
	if (failed.length === 0) return undefined;
	const named = failed.map(
		(status) =>
			`${String(status.platform)}: ${String(status.error ?? 'no reason given')} [${String(status.error_code ?? 'no error code')}] at step ${String(status.failed_step ?? 'unknown')}`,
	);
	const others = Object.keys(publishedUrls(post));
	return itemError(
		context,
		`GEN post ${String(postId)} failed on ${named.join('; ')}`,
		`${others.length > 0 ? `It published on ${others.join(', ')}. ` : ''}Fix what GEN names (the platform's connection in GEN > Setup > Accounts, the media) and publish again to that platform only: a new execution is a new post.`,
	);
}

/**
 * The output of Publish: the post with `platforms_status` and `published` (platform → post_url).
 * Waiting (for When: Now), it is the post once every platform has ended; a failed platform is the
 * item's error, and with Continue On Fail the item carries it with the other platforms' URLs.
 */
export async function publishedPost(
	context: IExecuteSingleFunctions,
	answer: IDataObject,
	settings: WaitSettings & { now: boolean },
): Promise<INodeExecutionData[]> {
	const postId = answer.post_id ?? (answer.post as IDataObject | undefined)?.id;
	const started = { ...((answer.post as IDataObject | undefined) ?? {}), ...answer };
	if (!settings.wait || !settings.now) return [{ json: { ...started, published: publishedUrls(started) } }];
	if (postId === undefined || postId === null || postId === '') {
		throw itemError(context, "GEN's answer names no post_id", 'The node cannot follow the post. Run again with Wait for Published off to see what GEN answered.');
	}
	leaveSlot(context);
	const path = `/schedule/post/${encodeURIComponent(String(postId))}`;
	const ended = (post: IDataObject) => statusesOf(post).every((status) => ENDED.includes(String(status.normalized_status)));
	const post = await waitUntilDone(context, settings, {
		poll: async () => await pollOnce(context, path, 'a post'),
		outcome: (polled) => (ended(polled) ? 'done' : undefined),
		stopped: (why) =>
			itemError(
				context,
				`GEN post ${String(postId)} ${why.cancelled ? 'was still publishing when the execution was cancelled' : `has not published everywhere after ${why.waited}`}`,
				`It goes on in GEN. Look at it later with GEN > Post > Get (Post ID ${String(postId)}).`,
			),
	});
	const json = { ...started, ...post, post_id: postId, published: publishedUrls(post) };
	const failure = failureError(context, postId, post);
	if (!failure) return [{ json }];
	if (!context.continueOnFail()) throw failure;
	return [{ json: { ...json, error: failure.message, failed: statusesOf(post).filter((s) => s.normalized_status === 'failed') } }];
}
