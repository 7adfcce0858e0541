import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchList } from '../shared/transport';

export async function getWorkspaces(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		'/workspaces',
		filter,
		(workspace) => String(workspace.name || `Workspace ${String(workspace.id)}`),
		'a list of workspaces',
	);
}
