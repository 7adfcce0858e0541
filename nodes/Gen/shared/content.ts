import type { IExecuteSingleFunctions, INodeProperties, INodePropertyMode } from 'n8n-workflow';
import type { Show } from './descriptions';
import { idValue } from './input';
import type { RequestParts } from './routing';

// Content production: every /autocontentengine/… request is scoped to an agent (query agent_id).

const byId = (placeholder: string): INodePropertyMode => ({
	displayName: 'By ID',
	name: 'id',
	type: 'string',
	placeholder,
});

const fromList = (searchListMethod: string, placeholder: string): INodePropertyMode => ({
	displayName: 'From List',
	name: 'list',
	type: 'list',
	placeholder,
	typeOptions: { searchListMethod, searchable: true },
});

function locator(
	name: string,
	displayName: string,
	description: string,
	show: Show,
	modes: INodePropertyMode[],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: modes[0].name, value: '' },
		required: true,
		description,
		displayOptions: { show },
		modes,
	};
}

/** The agent whose content engines a request works on (sent as the agent_id query). */
export const agentIdLocator = (show: Show) =>
	locator('agentId', 'Agent', 'The GEN agent the content engine belongs to', show, [
		fromList('getAgents', 'Select an agent...'),
		byId('e.g. agent_1'),
	]);

/** A content engine (GEN's "vidsheet"). GEN has no list of them, so By ID only. */
export const contentEngineIdLocator = (show: Show) =>
	locator('contentEngineId', 'Content Engine', 'The content engine (vidsheet), by its ID as GEN shows it', show, [
		byId('e.g. 101'),
	]);

export const rowIdLocator = (show: Show) =>
	locator('rowId', 'Row', 'A row of the content engine', show, [
		fromList('getRows', 'Select a row...'),
		byId('e.g. 301'),
	]);

export const columnIdLocator = (show: Show) =>
	locator('columnId', 'Column', 'A column of the content engine', show, [
		fromList('getColumns', 'Select a column...'),
		byId('e.g. 202'),
	]);

export const cellIdLocator = (show: Show) =>
	locator('cellId', 'Cell', 'A cell of the content engine', show, [
		fromList('getCells', 'Select a cell...'),
		byId('e.g. 4022'),
	]);

/** agent_id for an engine-scoped request; `ids` adds the engine (and any other path IDs). */
export function engineScope(context: IExecuteSingleFunctions, withEngine = true): Required<Pick<RequestParts, 'ids' | 'qs'>> {
	const agentId = idValue(context, 'agentId', 'Agent');
	return {
		ids: withEngine ? { contentEngineId: idValue(context, 'contentEngineId', 'Content Engine') } : {},
		qs: { agent_id: agentId },
	};
}
