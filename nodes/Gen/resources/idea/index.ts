import { resourceOperations } from '../../shared/descriptions';
import { createVideo } from './createVideo';
import { expand } from './expand';
import { generate } from './generate';
import { get } from './get';
import { getAll } from './getAll';
import { getJob } from './getJob';
import { setStatus } from './setStatus';
import { ideaIdLocator, jobIdField } from './shared';

export const ideaDescription = resourceOperations(
	'idea',
	[createVideo, expand, generate, get, getAll, getJob, setStatus],
	'generate',
	[ideaIdLocator, jobIdField],
);
