import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';
import { checkAnswer } from './answer';
import type { Entry, Outcome } from './batch';
import { withRunSlot } from './dispatch';
import { itemError, unexpectedAnswerError } from './errors';
import { genRequest } from './transport';
import { minutes } from './waiting';

const isObject = (value: unknown): value is IDataObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** What GEN says of one refused action: its message and the field, relative to the action. */
type Refusal = { message: string; field?: string };

const ACTION = /actions\[(\d+)\]\.?([\w.[\]]*)/;

/** `actions[2].values.value` or `["actions", 2, "values", "value"]` as [2, "values.value"]. */
function actionPath(path: unknown): [number, string] | undefined {
	if (Array.isArray(path)) {
		const [root, index, ...field] = path as unknown[];
		return root === 'actions' && /^\d+$/.test(String(index)) ? [Number(index), field.join('.')] : undefined;
	}
	const match = ACTION.exec(String(path ?? ''));
	return match ? [Number(match[1]), match[2].replace(/^\./, '')] : undefined;
}

/**
 * The batch's actions GEN's error names (`actions[i]`, in its `errors` list, its `field`, or its
 * message), by position in the batch; empty when it names none (the whole batch was refused).
 */
export function refusedActions(body: unknown, count: number): Map<number, Refusal> {
	const refused = new Map<number, Refusal>();
	if (!isObject(body)) return refused;
	const message = String(body.error ?? body.message ?? '');
	const note = (path: unknown, text: string) => {
		const found = actionPath(path);
		if (found && found[0] < count && !refused.has(found[0])) refused.set(found[0], { message: text || message, field: found[1] || undefined });
	};
	for (const entry of Array.isArray(body.errors) ? body.errors : []) {
		if (isObject(entry)) note(entry.path ?? entry.field, String(entry.message ?? ''));
	}
	note(body.field, message);
	note(message, message.replace(ACTION, '').replace(/^[\s:]+/, ''));
	return refused;
}

/** The error a GEN answer is for this item (its index, its advice: retry-safe), secrets removed. */
export async function answerError(entry: Entry, response: IN8nHttpFullResponse): Promise<Error> {
	try {
		await checkAnswer(entry.context, response, { answer: 'object', expected: 'the saved batch', retry: 'idempotent' }, entry.index);
	} catch (error) {
		return error as Error;
	}
	return unexpectedAnswerError(entry.context.getNode(), response, 'an error', entry.index);
}

/** The item's own error when GEN refused its action: GEN's message and field. */
export async function refusedItemError(entry: Entry, response: IN8nHttpFullResponse, refusal: Refusal) {
	const body = isObject(response.body) ? response.body : {};
	const own = { error: refusal.message, error_code: body.error_code ?? body.code, field: refusal.field };
	const error = (await answerError(entry, { ...response, body: own })) as Error & { description?: string };
	error.description = `${error.description ?? ''} GEN saved nothing for this item; the other items of its batch went again without it.`.trim();
	return error;
}

/** GEN's result for a saved update is the cell; where it is not, the cell is read back. */
const isCell = (result: unknown): result is IDataObject => isObject(result) && result.id !== undefined && 'value' in result;

export async function savedOutcomes(live: Entry[], response: IN8nHttpFullResponse): Promise<Array<[Entry, Outcome]>> {
	const results = isObject(response.body) && Array.isArray(response.body.results) ? (response.body.results as unknown[]) : undefined;
	if (!results) {
		return live.map((entry) => [entry, { error: unexpectedAnswerError(entry.context.getNode(), response, 'the saved batch (results)', entry.index), saved: false }]);
	}
	const resultAt = (position: number) => {
		const found = results.find((result) => isObject(result) && result.index === position) ?? results[position];
		return isObject(found) ? found.result : undefined;
	};
	return await Promise.all(
		live.map(async (entry, position): Promise<[Entry, Outcome]> => {
			const result = resultAt(position);
			if (isCell(result)) return [entry, { json: result, saved: true }];
			try {
				return [entry, { json: await readBack(entry), saved: true }];
			} catch (error) {
				return [entry, { error: error as Error, saved: true }];
			}
		}),
	);
}

async function readBack({ context, part, index }: Entry): Promise<IDataObject> {
	const response = await withRunSlot(context, async () => await genRequest(context, 'GET', part.readBack.path, part.readBack.qs));
	const [cell] = await checkAnswer(context, response, { answer: 'object', expected: 'the updated cell' }, index);
	return cell;
}

/** Still pending when Options > Timeout (Minutes) is up: nothing was applied. */
export function batchTimeoutError(pending: IDataObject, timeoutMs: number, count: number) {
	const code = pending.error_code ? ` (${String(pending.error_code)})` : '';
	const others = count > 2 ? ` or for the ${count - 1} other items of its batch` : count === 2 ? ' or for the other item of its batch' : '';
	const said = pending.message ? ` GEN said: "${String(pending.message)}".` : '';
	return (entry: Entry) =>
		itemError(
			entry.context,
			`GEN had not saved the update after ${minutes(timeoutMs)}: it answered that it is not ready yet${code}`,
			`Nothing was applied for this item${others}.${said} Run again later, or raise Options > Timeout (Minutes).`,
		);
}

/** The execution was cancelled before GEN saved the batch. */
export function cancelledError(beforeSending: boolean) {
	return (entry: Entry) =>
		itemError(
			entry.context,
			'The execution was cancelled before GEN saved the update',
			beforeSending ? 'Nothing was sent for this item.' : 'GEN had answered that it is not ready yet: nothing was applied for this item.',
		);
}

/** "1–3, 7" for items 0, 1, 2 and 6 (n8n counts items from 1 for people). */
function itemList(indexes: number[]) {
	const ranges: string[] = [];
	for (let i = 0; i < indexes.length; i++) {
		let end = i;
		while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
		ranges.push(end === i ? `${indexes[i] + 1}` : `${indexes[i] + 1}–${indexes[end] + 1}`);
		i = end;
	}
	return ranges.join(', ');
}

/**
 * Without Continue On Fail the run fails on its first failed item: with several items, every
 * error then also says which items GEN saved and which it did not, since the node's output is gone.
 */
export function runSummary(entries: Entry[], outcomes: Map<number, Outcome>) {
	const failed = entries.filter((entry) => outcomes.get(entry.index)?.error);
	// A single item's error says it all.
	if (failed.length === 0 || entries.length < 2) return;
	const saved = entries.filter((entry) => outcomes.get(entry.index)?.saved).map((entry) => entry.index);
	const notSaved = entries.filter((entry) => !outcomes.get(entry.index)?.saved).map((entry) => entry.index);
	const summary = `Saved in GEN: ${saved.length ? `item${saved.length > 1 ? 's' : ''} ${itemList(saved)}` : 'none'}. Not saved: ${notSaved.length ? `item${notSaved.length > 1 ? 's' : ''} ${itemList(notSaved)}` : 'none'}.`;
	for (const entry of failed) {
		const error = outcomes.get(entry.index)?.error as Error & { description?: string };
		error.description = `${error.description ?? ''} ${summary}`.trim();
	}
}
