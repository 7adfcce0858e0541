import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchList } from '../shared/transport';
import { withId } from './label';

export async function getWorkspaces(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		'/workspaces',
		filter,
		(workspace) => withId(String(workspace.name || 'Unnamed workspace'), workspace.id),
		'a list of workspaces',
	);
}
