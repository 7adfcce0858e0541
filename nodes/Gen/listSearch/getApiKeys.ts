import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchList } from '../shared/transport';

/** The user's keys for the API Key picker: name and status, so revoked keys stand out. */
export async function getApiKeys(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		'/persisted_tokens',
		filter,
		(key) => `${String(key.name || `Key ${String(key.id)}`)} (${String(key.status ?? 'unknown')})`,
		'a list of API keys',
	);
}
