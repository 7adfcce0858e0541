import type {
	IDataObject,
	IHttpRequestMethods,
	IN8nHttpFullResponse,
	ILoadOptionsFunctions,
	INodeListSearchResult,
} from 'n8n-workflow';
import { genApiError } from './errors';

/** The credential type the node's Authentication parameter selects. */
function credentialType(context: ILoadOptionsFunctions) {
	return context.getNodeParameter('authentication', 'apiKey') === 'jwt' ? 'genJwtApi' : 'genApi';
}

/** A GEN request outside the declarative routing (list searches in the editor). */
export async function genApiRequest(
	this: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
): Promise<unknown> {
	const type = credentialType(this);
	const { baseUrl } = await this.getCredentials<{ baseUrl: string }>(type);
	const response = (await this.helpers.httpRequestWithAuthentication.call(this, type, {
		method,
		baseURL: baseUrl.trim().replace(/\/+$/, ''),
		url: path,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as IN8nHttpFullResponse;
	if (response.statusCode >= 400) throw genApiError(this.getNode(), response);
	return response.body;
}

/** Loads a GEN list for a resource locator and keeps the entries whose label or ID match. */
export async function searchList(
	this: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	label: (entry: IDataObject) => string,
): Promise<INodeListSearchResult> {
	const entries = (await genApiRequest.call(this, 'GET', path)) as IDataObject[];
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = entries
		.map((entry) => ({ name: label(entry), value: String(entry.id) }))
		.filter(({ name, value }) => `${name} ${value}`.toLowerCase().includes(needle));
	return { results };
}
