import { resourceOperations } from '../../shared/descriptions';
import { continueGeneration } from './continue';
import { get } from './get';
import { generationIdField } from './shared';
import { stop } from './stop';
import { wait } from './wait';

export const generationDescription = resourceOperations('generation', [continueGeneration, get, stop, wait], 'get', [
	generationIdField,
]);
