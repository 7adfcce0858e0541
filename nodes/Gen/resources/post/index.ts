import { resourceOperations } from '../../shared/descriptions';
import { remove } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { publish } from './publish';
import { postIdField } from './postId';
import { update } from './update';
export { postOptions } from './fields';

export const postDescription = resourceOperations('post', [remove, get, getAll, publish, update], 'publish', [postIdField]);
