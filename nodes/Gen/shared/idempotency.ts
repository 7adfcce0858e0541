import { randomString, type IExecuteSingleFunctions } from 'n8n-workflow';

// Without an execution ID (never seen in n8n 1.x or 2.x, but the interface allows it) keys still
// differ between processes: this value is drawn once per process.
const PROCESS = randomString(12);

/** FNV-1a, 32 bits, as 8 hex digits: a short fingerprint, not a secret. */
function fingerprint(text: string) {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

/**
 * The idempotency key of a request: of the item's own, or of a batch of items (their indexes, in
 * order). n8n's Retry On Fail runs the node again in the same execution and run, so retried items
 * send the same key and GEN answers with what it did the first time. Other items, a later run of
 * the node (a loop), another execution, or the same workflow on another n8n instance get another
 * key; so does another request, should execution IDs start over (a new database). At most about
 * 65 characters (GEN takes 128 or 255).
 */
export function idempotencyKey(
	context: IExecuteSingleFunctions,
	request: unknown,
	items: number[] = [context.getItemIndex()],
): string {
	const runIndex = Number(context.getWorkflowDataProxy(items[0]).$runIndex ?? 0);
	const execution = String(context.getExecutionId() ?? '') || PROCESS;
	const which = items.length === 1 ? `${items[0]}` : `${items[0]}-${items[items.length - 1]}`;
	// A single item's key is as it always was; a batch's also depends on which items it holds.
	const batch = items.length === 1 ? '' : `${items.join(',')}/`;
	const where = fingerprint(`${context.getInstanceId?.() ?? ''}/${context.getNode().id}/${batch}${JSON.stringify(request)}`);
	return `n8n-${execution.slice(0, 36)}-${runIndex}-${which}-${where}`;
}
