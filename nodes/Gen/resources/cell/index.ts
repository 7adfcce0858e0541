import { cellIdLocator } from '../../shared/content';
import { resourceOperations } from '../../shared/descriptions';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';

export const cellDescription = resourceOperations('cell', [get, getAll, update], 'getAll', [
	cellIdLocator({ resource: ['cell'], operation: ['get', 'update'] }),
]);
