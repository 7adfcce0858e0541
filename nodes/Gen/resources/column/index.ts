import { resourceOperations } from '../../shared/descriptions';
import { create } from './create';
import { getAll } from './getAll';

export const columnDescription = resourceOperations('column', [create, getAll], 'getAll');
