import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { checkAnswer } from '../../shared/answer';
import { withRunSlot } from '../../shared/dispatch';
import { itemError } from '../../shared/errors';
import { idValue, parameterValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { genRequest } from '../../shared/transport';
import { utcTime } from './body';

// GEN lists at most 60 days of posts a request: a longer window is read in 60-day pieces.

const MAX_DAYS = 60;
const PIECE_MS = MAX_DAYS * 86_400_000;

const show = { resource: ['post'], operation: ['getAll'] };

const fields: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: "The first moment of the calendar window, in the workflow's time zone",
		displayOptions: { show },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'The end of the window; windows longer than 60 days are read in 60-day pieces',
		displayOptions: { show },
	},
];

type Piece = { start_date: string; end_date: string };

/** [start, end] in pieces of at most 60 days, each starting where the one before ended. */
export function piecesOf(start: number, end: number): Piece[] {
	const pieces: Piece[] = [];
	const iso = (time: number) => new Date(time).toISOString().replace(/\.000Z$/, 'Z');
	for (let from = start; ; from += PIECE_MS) {
		const to = Math.min(end, from + PIECE_MS);
		pieces.push({ start_date: iso(from), end_date: iso(to) });
		if (to >= end) return pieces;
	}
}

const EXPECTED = 'a list of posts';

async function furtherPieces(context: IExecuteSingleFunctions, first: IDataObject[], kept: { agentId: string; rest: Piece[] }) {
	const posts = [...first];
	for (const piece of kept.rest) {
		const response = await withRunSlot(context, async () => await genRequest(context, 'GET', '/schedule/posts', { agent_id: kept.agentId, ...piece }));
		posts.push(...(await checkAnswer(context, response, { answer: 'list', expected: EXPECTED }, context.getItemIndex())));
	}
	// A post on a piece's boundary may come in both pieces: once in the output.
	const seen = new Set<unknown>();
	return posts.filter((post) => post.id === undefined || (!seen.has(post.id) && seen.add(post.id)));
}

export const getAll = genOperation({
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many posts',
		description: "List the agent's posts in a calendar window, one item per post with each platform's outcome",
	},
	method: 'GET',
	path: '/schedule/posts',
	request: (context) => {
		const agentId = String(idValue(context, 'agentId', 'Agent'));
		const start = Date.parse(utcTime(context, parameterValue(context, 'startDate', ''), 'Start Date'));
		const end = Date.parse(utcTime(context, parameterValue(context, 'endDate', ''), 'End Date'));
		if (end < start) throw itemError(context, 'End Date is before Start Date', 'Swap them, or pick a later End Date. Nothing was sent.');
		const [first, ...rest] = piecesOf(start, end);
		return { qs: { agent_id: agentId, ...first }, keep: { agentId, rest } };
	},
	answer: 'list',
	expected: EXPECTED,
	finish: async (context, _entry, kept, entries): Promise<INodeExecutionData[]> =>
		(await furtherPieces(context, entries, kept as { agentId: string; rest: Piece[] })).map((json) => ({ json })),
	fields,
});
