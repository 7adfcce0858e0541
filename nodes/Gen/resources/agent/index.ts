import { resourceOperations } from '../../shared/descriptions';
import { getAll } from './getAll';

export const agentDescription = resourceOperations('agent', [getAll], 'getAll');
