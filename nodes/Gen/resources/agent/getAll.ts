import { limited, listLocator, returnAllOrLimit } from '../../shared/descriptions';
import { limitValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

const show = { resource: ['agent'], operation: ['getAll'] };

export const getAll = genOperation({
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many agents',
		description: 'List the agents the user can use, optionally in one workspace',
	},
	method: 'GET',
	path: '/agents',
	request: (context) => {
		const limit = limitValue(context);
		const workspace = context.getNodeParameter('workspaceId', '', { extractValue: true }) as unknown;
		// An empty workspace sends no workspace_id at all.
		const workspaceId = String(workspace ?? '').trim();
		return { qs: workspaceId ? { workspace_id: workspaceId } : undefined, keep: limit };
	},
	answer: 'list',
	expected: 'a list of agents',
	output: (_context, entries, limit) => limited(entries, limit as number | undefined),
	fields: [
		listLocator(
			{
				name: 'workspaceId',
				displayName: 'Workspace',
				description: 'Only agents of this workspace. Leave empty for agents of every workspace.',
				idPlaceholder: 'e.g. ws_1',
				required: false,
			},
			'getWorkspaces',
			show,
		),
		...returnAllOrLimit(show),
	],
});
