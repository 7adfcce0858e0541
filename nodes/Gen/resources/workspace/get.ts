import { listLocator } from '../../shared/descriptions';
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
		listLocator(
			{
				name: 'organizationId',
				displayName: 'Workspace',
				description: 'The workspace (GEN organization) whose credits to read',
				idPlaceholder: 'e.g. ws_1',
			},
			'getWorkspaces',
			{ resource: ['workspace'], operation: ['get'] },
		),
	],
});
