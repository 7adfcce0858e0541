import { templateSlugLocator } from '../../shared/content';
import { resourceOperations } from '../../shared/descriptions';
import { clone } from './clone';
import { get } from './get';
import { getAll } from './getAll';

export const templateDescription = resourceOperations('template', [clone, get, getAll], 'getAll', [
	templateSlugLocator({ resource: ['template'], operation: ['get', 'clone'] }),
]);
