import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchList } from '../shared/transport';
import { withId } from './label';

/** The user's agents for the Agent pickers (content engines belong to an agent). */
export async function getAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		'/agents',
		filter,
		(agent) => withId(String(agent.name || 'Unnamed agent'), agent.id),
		'a list of agents',
	);
}
