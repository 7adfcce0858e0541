import { resourceOperations } from '../../shared/descriptions';
import { deleteContentResource } from './delete';
import { contentResourceFields } from './fields';
import { get } from './get';
import { getAll } from './getAll';
import { importFromUrl } from './importFromUrl';
import { upload } from './upload';

export { contentResourceOptions } from './fields';

export const contentResourceDescription = resourceOperations(
	'contentResource',
	[deleteContentResource, get, getAll, importFromUrl, upload],
	'upload',
	contentResourceFields,
);
