import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchList } from '../shared/transport';

/** The user's agents for the Agent pickers (content engines belong to an agent). */
export async function getAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		'/agents',
		filter,
		(agent) => String(agent.name || `Agent ${String(agent.id)}`),
		'a list of agents',
	);
}
