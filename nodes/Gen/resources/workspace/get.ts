import { idValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

export const get = genOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a workspace',
		description: 'Get a workspace with its GEN credits (credit, available_credit, credit_plan)',
	},
	method: 'GET',
	// GEN's workspaces are its organizations (same IDs); only this path shows their credits.
	path: '/organizations/{workspaceId}',
	request: (context) => ({ ids: { workspaceId: idValue(context, 'organizationId', 'Workspace') } }),
	answer: 'object',
	expected: 'a workspace',
	fields: [
		{
			displayName: 'Workspace',
			name: 'organizationId',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			description: 'The workspace (GEN organization) whose credits to read',
			displayOptions: { show: { resource: ['workspace'], operation: ['get'] } },
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: 'Select a workspace...',
					typeOptions: { searchListMethod: 'getWorkspaces', searchable: true },
				},
				{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. ws_1' },
			],
		},
	],
});
