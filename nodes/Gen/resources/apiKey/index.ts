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
	[apiKeyIdLocator({ resource: ['apiKey'], operation: ['rename', 'revoke'] })],
);
