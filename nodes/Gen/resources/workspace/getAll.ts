import { returnAllOrLimit, type Operation } from '../../shared/descriptions';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many workspaces',
		description: 'List the workspaces the user belongs to',
		routing: { request: { method: 'GET', url: '/workspaces' } },
	},
	fields: returnAllOrLimit({ resource: ['workspace'], operation: ['getAll'] }),
};
