import { agentIdLocator, cellIdLocator, contentEngineIdLocator } from '../../shared/content';
import { resourceOperations } from '../../shared/descriptions';
import { generate } from './generate';
import { render } from './render';

const engineCellOperations = { resource: ['cell'], operation: ['generate', 'render'] };

export const cellDescription = resourceOperations('cell', [generate, render], 'generate', [
	agentIdLocator(engineCellOperations),
	contentEngineIdLocator(engineCellOperations),
	cellIdLocator(engineCellOperations),
]);
