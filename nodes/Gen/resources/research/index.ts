import { resourceOperations } from '../../shared/descriptions';
import { getJob } from './getJob';
import { run } from './run';
import { queryField } from './shared';
import { trends } from './trends';

export const researchDescription = resourceOperations('research', [getJob, run, trends], 'trends', [queryField]);
export { researchOptions } from './run';
