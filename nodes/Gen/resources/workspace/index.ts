import { resourceOperations } from '../../shared/descriptions';
import { getAll } from './getAll';

export const workspaceDescription = resourceOperations('workspace', [getAll], 'getAll');
