import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchList } from '../shared/transport';
import { chosenId } from './engine';
import { withId } from './label';

/** The chosen agent's content ideas (agent host): title, ID and status. */
export async function getIdeas(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const agentId = chosenId(this, 'agentId', 'Agent');
	return await searchList.call(
		this,
		'/agent/ideas',
		filter,
		(idea) => withId(String(idea.title ?? idea.hook ?? 'Untitled idea'), idea.id, String(idea.status ?? '')),
		'a list of ideas',
		{ agent_id: agentId },
		'agent',
	);
}
