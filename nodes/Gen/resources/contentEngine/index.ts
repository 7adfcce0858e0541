import { contentEngineIdLocator } from '../../shared/content';
import { resourceOperations } from '../../shared/descriptions';
import { clone } from './clone';
import { create } from './create';
import { get } from './get';
import { getRunningGenerations } from './getRunningGenerations';

export const contentEngineDescription = resourceOperations('contentEngine', [clone, create, get, getRunningGenerations], 'get', [
	contentEngineIdLocator({ resource: ['contentEngine'], operation: ['get', 'clone', 'getRunningGenerations'] }, 'engineId'),
]);
