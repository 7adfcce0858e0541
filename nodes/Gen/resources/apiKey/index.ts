import { resourceOperations } from '../../shared/descriptions';
import { getAll } from './getAll';
import { rename } from './rename';
import { revoke } from './revoke';

export const apiKeyDescription = resourceOperations('apiKey', [getAll, rename, revoke], 'getAll');
