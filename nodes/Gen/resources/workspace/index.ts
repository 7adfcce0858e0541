import { resourceOperations } from '../../shared/descriptions';
import { get } from './get';
import { getAll } from './getAll';

export const workspaceDescription = resourceOperations('workspace', [get, getAll], 'getAll');
