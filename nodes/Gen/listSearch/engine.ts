import { NodeOperationError, type IDataObject, type ILoadOptionsFunctions } from 'n8n-workflow';

/** The chosen agent and content engine, for the pickers of rows, columns and cells. */
export function chosenEngine(context: ILoadOptionsFunctions): { path: string; qs: IDataObject } {
	const agentId = chosenId(context, 'agentId', 'Agent');
	const engineId = chosenId(context, 'contentEngineId', 'Vidsheet');
	return { path: `/vidsheet/${encodeURIComponent(engineId)}`, qs: { agent_id: agentId } };
}

export function chosenId(context: ILoadOptionsFunctions, name: string, label: string): string {
	let raw: unknown;
	try {
		raw = context.getNodeParameter(name, '', { extractValue: true });
	} catch {
		raw = '';
	}
	const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	// An expression is only known when the workflow runs; dot-only IDs would leave the engine's path.
	if (!value || value.startsWith('=') || /^\.+$/.test(value)) {
		throw new NodeOperationError(context.getNode(), `Choose the ${label} first`, {
			description: `The list needs a ${label} given as a value (not an expression): set "${label}" above, or enter this field By ID.`,
		});
	}
	return value;
}

/** A short one-line preview of a cell value. */
export function preview(value: unknown, length = 40): string {
	if (value === null || value === undefined || String(value).trim() === '') return '(empty)';
	const text = String(value).replace(/\s+/g, ' ').trim();
	return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
