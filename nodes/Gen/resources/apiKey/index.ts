import { apiKeyIdLocator, resourceOperations } from '../../shared/descriptions';
import { create } from './create';
import { getAll } from './getAll';
import { rename } from './rename';
import { revoke } from './revoke';
import { revokeAll } from './revokeAll';

export const apiKeyDescription = resourceOperations(
	'apiKey',
	[create, getAll, rename, revoke, revokeAll],
	'getAll',
	[
		apiKeyIdLocator({ resource: ['apiKey'], operation: ['rename', 'revoke'] }),
		// Declared once for Create and Rename: a second declaration would be evaluated again for every item.
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. n8n-production',
			description: 'The name of the new key (Create) or the name the key gets (Rename): one key per integration',
			displayOptions: {
				show: { resource: ['apiKey'], operation: ['create', 'rename'] },
				hide: { mapping: ['autoMapInputData'] },
			},
		},
	],
);
