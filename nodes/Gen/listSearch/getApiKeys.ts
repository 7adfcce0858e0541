import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchList } from '../shared/transport';
import { withId } from './label';

/** The user's keys for the API Key picker: name, ID and status, so revoked keys stand out. */
export async function getApiKeys(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		'/persisted_tokens',
		filter,
		(key) => withId(String(key.name || 'Unnamed key'), key.id, String(key.status ?? 'unknown')),
		'a list of API keys',
	);
}
