import type {
	IDataObject,
	IHttpRequestMethods,
	IN8nHttpFullResponse,
	ILoadOptionsFunctions,
	INodeListSearchResult,
} from 'n8n-workflow';
import { checkedAnswer, credentialSecrets } from './answer';

/**
 * GEN's production API: the literal base of every request. The credential's authenticate() moves
 * each request to the credential's own Base URL, so a literal costs no evaluation per item.
 */
export const GEN_BASE_URL = 'https://api.gen.pro/v1';

/** The credential type the node's Authentication parameter selects. */
function credentialType(context: ILoadOptionsFunctions) {
	return context.getNodeParameter('authentication', 'apiKey') === 'jwt' ? 'genJwtApi' : 'genApi';
}

/** A GEN list outside the declarative routing (list searches in the editor), checked like the node's answers. */
export async function genApiList(
	this: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	expected: string,
): Promise<IDataObject[]> {
	const response = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType(this), {
		method,
		baseURL: GEN_BASE_URL,
		url: path,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as IN8nHttpFullResponse;
	const secrets = response.statusCode >= 300 ? await credentialSecrets(this) : [];
	return checkedAnswer(this.getNode(), response, { answer: 'list', expected }, { secrets });
}

/** Loads a GEN list for a resource locator and keeps the entries whose label or ID match. */
export async function searchList(
	this: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	label: (entry: IDataObject) => string,
	expected: string,
): Promise<INodeListSearchResult> {
	const entries = await genApiList.call(this, 'GET', path, expected);
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = entries
		.map((entry) => ({ name: label(entry), value: String(entry.id) }))
		.filter(({ name, value }) => `${name} ${value}`.toLowerCase().includes(needle));
	return { results };
}
