import { cellIdLocator } from '../../shared/content';
import { resourceOperations } from '../../shared/descriptions';
import { estimateCredits } from './estimate';
import { generate } from './generate';
import { get } from './get';
import { getAll } from './getAll';
import { render } from './render';
import { update } from './update';

export const cellDescription = resourceOperations('cell', [estimateCredits, generate, get, getAll, render, update], 'getAll', [
	cellIdLocator({ resource: ['cell'], operation: ['generate', 'get', 'render', 'update'] }),
]);
