import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { idLocator, listLocator, type Show } from './descriptions';
import { idValue } from './input';
import type { RequestParts } from './routing';

// Content production: every /vidsheet/… request is scoped to an agent (query agent_id).

/** The agent whose content engines a request works on (sent as the agent_id query). */
export const agentIdLocator = (show: Show) =>
	listLocator(
		{ name: 'agentId', displayName: 'Agent', description: 'The GEN agent the vidsheet (content engine) belongs to', idPlaceholder: 'e.g. agent_1' },
		'getAgents',
		show,
	);

/** A content engine (GEN's "vidsheet"). GEN has no list of them, so By ID only. */
export const contentEngineIdLocator = (show: Show, name = 'contentEngineId') =>
	idLocator(
		{
			name,
			displayName: 'Vidsheet',
			description: 'The vidsheet (content engine), by its ID as GEN shows it',
			idPlaceholder: 'e.g. 101',
		},
		show,
	);

export const rowIdLocator = (show: Show) =>
	listLocator(
		{ name: 'rowId', displayName: 'Row', description: 'A row of the content engine', idPlaceholder: 'e.g. 301' },
		'getRows',
		show,
	);

export const columnIdLocator = (show: Show) =>
	listLocator(
		{ name: 'columnId', displayName: 'Column', description: 'A column of the content engine', idPlaceholder: 'e.g. 202' },
		'getColumns',
		show,
	);

export const cellIdLocator = (show: Show) =>
	listLocator(
		{ name: 'cellId', displayName: 'Cell', description: 'A cell of the content engine', idPlaceholder: 'e.g. 4022' },
		'getCells',
		show,
	);

/** The agent a clone goes to: optional for Content Engine > Clone (same agent), required for Template > Clone. */
export const targetAgentIdLocator = (show: Show): INodeProperties => ({
	...listLocator(
		{
			name: 'targetAgentId',
			displayName: 'Target Agent',
			description:
				'The agent that gets the copy. Content Engine > Clone: leave empty to clone into the same agent. Template > Clone: required.',
			idPlaceholder: 'e.g. agent_2',
		},
		'getAgents',
		show,
	),
	required: false,
});

/** A template of GEN's gallery, by slug (GEN also takes its UUID or numeric ID). */
export const templateSlugLocator = (show: Show): INodeProperties => {
	const locator = listLocator(
		{
			name: 'templateSlug',
			displayName: 'Template',
			description: "A template of GEN's template gallery, by slug (GEN also takes its UUID or numeric ID)",
			idPlaceholder: 'e.g. ugc-script-to-video',
		},
		'getTemplates',
		show,
	);
	const [list, byId] = locator.modes ?? [];
	return { ...locator, modes: [list, { ...byId, displayName: 'By Slug or ID' }] };
};

/** agent_id for an engine-scoped request; `ids` adds the engine (and any other path IDs). */
export function engineScope(
	context: IExecuteSingleFunctions,
	withEngine = true,
	engineParameter = 'contentEngineId',
): Required<Pick<RequestParts, 'ids' | 'qs'>> {
	const agentId = idValue(context, 'agentId', 'Agent');
	return {
		ids: withEngine ? { contentEngineId: idValue(context, engineParameter, 'Vidsheet') } : {},
		qs: { agent_id: agentId },
	};
}
