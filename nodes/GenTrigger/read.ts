import { NodeApiError, NodeOperationError, type IDataObject, type IPollFunctions, type JsonObject } from 'n8n-workflow';
import { checkAnswer } from '../Gen/shared/answer';
import { genRequest, type GenHost } from '../Gen/shared/transport';

/**
 * What one poll read: the entries that match the event, oldest first, each with its key; and, for
 * Fetch Test Event when nothing matches, what the event watches whatever its state, oldest first.
 */
export type Reading = { entries: IDataObject[]; keyOf: (entry: IDataObject) => string; others?: IDataObject[] } | 'skip';

/** The parameters that define the event (they go into the state's scope) and what the poll read. */
export type EventReading = { scope: string; reading: Reading };

/** GEN's answer for the poll, or 'skip' when GEN is busy or failing (429/5xx): the next poll tries again. */
export async function read(
	context: IPollFunctions,
	request: { path: string; qs: IDataObject; expected: string; host: GenHost; answer?: 'list' | 'object' },
) {
	// The peer dependency is `*`: older n8n versions give no poll budget.
	const budget = context.getPollBudgetMs?.();
	const timeout = typeof budget === 'number' && Number.isFinite(budget) && budget > 0 ? budget : undefined;
	let response;
	try {
		response = await genRequest(context, 'GET', request.path, request.qs, request.host, timeout);
	} catch (error) {
		// Out of n8n's poll budget: this poll stops, the next one reads again. Any other failure is the poll's error.
		// (n8n's request helper already wrapped it: NodeApiError hands the same error back.)
		if (timeout === undefined || (error as { httpCode?: unknown }).httpCode !== 'ECONNABORTED') {
			throw new NodeApiError(context.getNode(), error as JsonObject);
		}
		context.logger.warn(`GEN Trigger: GEN did not answer within the poll budget (${timeout} ms); this poll is skipped`);
		return 'skip' as const;
	}
	if (response.statusCode === 429 || response.statusCode >= 500) {
		context.logger.warn(`GEN Trigger: GEN answered ${response.statusCode}; this poll is skipped and the next one tries again`);
		return 'skip' as const;
	}
	return await checkAnswer(context, response, { answer: request.answer ?? 'list', expected: request.expected });
}

export function idParameter(context: IPollFunctions, name: string, label: string) {
	const value = context.getNodeParameter(name, '', { extractValue: true });
	if (typeof value === 'number' || (typeof value === 'string' && value.trim())) return String(value).trim();
	throw new NodeOperationError(context.getNode(), `${label} is empty`, { description: `Pick the ${label.toLowerCase()} from the list, or enter its ID.` });
}
