import { rowIdLocator } from '../../shared/content';
import { resourceOperations } from '../../shared/descriptions';
import { create } from './create';
import { duplicate } from './duplicate';
import { get } from './get';
import { getAll } from './getAll';

export const rowDescription = resourceOperations('row', [create, duplicate, get, getAll], 'getAll', [
	rowIdLocator({ resource: ['row'], operation: ['get', 'duplicate'] }),
]);
