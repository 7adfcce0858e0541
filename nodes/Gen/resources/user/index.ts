import { resourceOperations } from '../../shared/descriptions';
import { getCurrent } from './getCurrent';

export const userDescription = resourceOperations('user', [getCurrent], 'getCurrent');
