import { returnAllOrLimit, type Operation } from '../../shared/descriptions';

const show = { resource: ['agent'], operation: ['getAll'] };

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many agents',
		description: 'List the agents the user can use, optionally in one workspace',
		routing: { request: { method: 'GET', url: '/agents' } },
	},
	fields: [
		{
			displayName: 'Workspace',
			name: 'workspaceId',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			description: 'Only agents of this workspace. Leave empty for agents of every workspace.',
			displayOptions: { show },
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: 'Select a workspace...',
					typeOptions: { searchListMethod: 'getWorkspaces', searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. ws_1',
				},
			],
			routing: {
				send: {
					type: 'query',
					property: 'workspace_id',
					// An empty workspace sends no workspace_id at all.
					value: '={{ String($value ?? "").trim() || undefined }}',
				},
			},
		},
		...returnAllOrLimit(show),
	],
};
