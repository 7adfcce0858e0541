import type { IDataObject } from 'n8n-workflow';

/** How many keys a trigger remembers: enough for a busy agent, small enough for static data. */
export const RECORD_LIMIT = 2000;

/** At most this many items leave one poll; the rest wait for the next poll. */
export const ITEMS_PER_POLL = 50;

/** What the trigger keeps in the node's static data between polls. */
export type TriggerState = {
	/** The event and parameters the record belongs to: changed parameters start over. */
	scope: string;
	/** Keys (e.g. idea IDs) already seen in the matching state. */
	record: string[];
};

/** The saved state when it belongs to these parameters, or undefined (first poll, or parameters changed). */
export function savedState(staticData: IDataObject, scope: string): TriggerState | undefined {
	const { scope: saved, record } = staticData as Partial<TriggerState>;
	if (saved !== scope || !Array.isArray(record)) return undefined;
	return { scope, record: record.map(String) };
}

/**
 * One poll's outcome: the keys to emit (at most ITEMS_PER_POLL, oldest first) and the record to save.
 * The record holds the matching keys that were already known or are emitted now; keys not
 * emitted stay out of it, so the next poll emits them. A key leaving the matching state leaves
 * the record, so it is emitted again when it comes back.
 *
 * A full record may have let the oldest keys go: an unknown key listed before the oldest known
 * one is such a key (the entries come oldest first), not a new one, and is not emitted again.
 */
export function nextRecord(matching: string[], previous: TriggerState | undefined) {
	if (!previous) return { emit: [] as string[], record: matching.slice(-RECORD_LIMIT) };
	const known = new Set(previous.record);
	const full = previous.record.length >= RECORD_LIMIT;
	const oldestKnown = full ? matching.findIndex((key) => known.has(key)) : -1;
	const fellOut = (index: number) => index < oldestKnown;
	const emit = matching.filter((key, index) => !known.has(key) && !fellOut(index)).slice(0, ITEMS_PER_POLL);
	const emitted = new Set(emit);
	const record = matching.filter((key, index) => known.has(key) || emitted.has(key) || fellOut(index)).slice(-RECORD_LIMIT);
	return { emit, record };
}

/** Writes the state into the node's static data (n8n saves it after the poll). */
export function saveState(staticData: IDataObject, state: TriggerState) {
	staticData.scope = state.scope;
	staticData.record = state.record;
}
