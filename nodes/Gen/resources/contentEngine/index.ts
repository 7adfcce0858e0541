import { contentEngineIdLocator } from '../../shared/content';
import { resourceOperations } from '../../shared/descriptions';
import { clone } from './clone';
import { create } from './create';
import { get } from './get';

export const contentEngineDescription = resourceOperations('contentEngine', [clone, create, get], 'get', [
	contentEngineIdLocator({ resource: ['contentEngine'], operation: ['get', 'clone'] }, 'engineId'),
]);
