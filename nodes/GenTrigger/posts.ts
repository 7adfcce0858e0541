import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';
import { piecesOf } from '../Gen/resources/post/getAll';
import { read, type EventReading } from './read';

// Post Outcome reads the agent's content calendar: one window of GEN's largest (60 days) ending a
// day ahead, so a post published late or early by the platform's clock is still in it.

const DAY_MS = 86_400_000;
const WINDOW_DAYS = 60;
const AHEAD_DAYS = 1;

const OUTCOMES: Record<string, string[]> = { published: ['published'], failed: ['failed'], both: ['published', 'failed'] };

const idOf = (post: IDataObject) => post.id ?? post.post_id;

function statusesOf(context: IPollFunctions, post: IDataObject): IDataObject[] {
	const statuses = post.platforms_status;
	if (statuses === undefined || statuses === null) return [];
	if (Array.isArray(statuses)) return statuses as IDataObject[];
	throw new NodeOperationError(context.getNode(), `GEN listed post ${String(idOf(post))} with platforms_status that is not a list`, {
		description: 'The trigger cannot tell its platforms apart. Look at the post with GEN > Post > Get and tell GEN support.',
	});
}

function checkedId(context: IPollFunctions, post: IDataObject) {
	const id = idOf(post);
	if (id !== undefined && id !== null && id !== '') return id;
	throw new NodeOperationError(context.getNode(), 'GEN listed a post without an id', {
		description: 'The trigger cannot tell that post apart from the others. Look at the calendar with GEN > Post > Get Many.',
	});
}

/** Outcomes in the order they happened as far as the calendar tells: by the post's time, then its ID. */
const timeOf = (post: IDataObject) => Date.parse(String(post.scheduled_time ?? '')) || 0;

/**
 * Post Outcome: one entry per platform of a post that has published or failed, with the platform's
 * `post_url` or `error` and the whole post. The key names the post, the platform and the outcome.
 */
export async function readPosts(context: IPollFunctions, agent: string): Promise<EventReading> {
	const platforms = (context.getNodeParameter('platforms', []) as string[]).map(String).sort();
	const outcome = String(context.getNodeParameter('outcome', 'both'));
	const wanted = OUTCOMES[outcome] ?? OUTCOMES.both;
	const scope = JSON.stringify({ event: 'postOutcome', agent, platforms, outcome });
	const end = Date.now() + AHEAD_DAYS * DAY_MS;
	const [window] = piecesOf(end - WINDOW_DAYS * DAY_MS, end);
	const posts = await read(context, { path: '/schedule/posts', qs: { agent_id: agent, ...window }, expected: 'a list of posts', host: 'main' });
	if (posts === 'skip') return { scope, reading: 'skip' };
	const outcomes = posts
		.map((post) => ({ id: checkedId(context, post), post }))
		.sort((a, b) => timeOf(a.post) - timeOf(b.post) || Number(a.id) - Number(b.id))
		.flatMap(({ id, post }) => statusesOf(context, post).map((status): IDataObject => ({ post_id: id, ...status, post })));
	const entries = outcomes
		.filter((entry) => wanted.includes(String(entry.normalized_status)))
		.filter((entry) => platforms.length === 0 || platforms.includes(String(entry.platform)));
	const keyOf = (entry: IDataObject) => `${String(entry.post_id)}:${String(entry.platform)}:${String(entry.normalized_status)}`;
	return { scope, reading: { entries, keyOf, others: outcomes } };
}
