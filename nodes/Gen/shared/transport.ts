import type { IHttpRequestMethods, IN8nHttpFullResponse, ILoadOptionsFunctions } from 'n8n-workflow';
import { genApiError } from './errors';

/** A GEN request outside the declarative routing (list searches in the editor). */
export async function genApiRequest(
	this: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
): Promise<unknown> {
	const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('genApi');
	const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'genApi', {
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
