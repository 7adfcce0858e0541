import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { genApiRequest } from '../shared/transport';

type ApiKey = { id: number | string; name: string | null; status?: string };

/** The user's keys for the API Key picker, matched on name or ID. */
export async function getApiKeys(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const keys = (await genApiRequest.call(this, 'GET', '/persisted_tokens')) as ApiKey[];
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = keys
		.filter((key) => `${key.name ?? ''} ${key.id}`.toLowerCase().includes(needle))
		.map((key) => ({
			name: `${key.name || `Key ${key.id}`} (${key.status ?? 'unknown'})`,
			value: String(key.id),
		}));
	return { results };
}
