import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IN8nHttpFullResponse,
	ILoadOptionsFunctions,
	INodeListSearchResult,
} from 'n8n-workflow';
import { checkAnswer, credentialType, type AnswerCheck } from './answer';

/**
 * GEN's production API: the literal base of every request. The credential's authenticate() moves
 * each request to the credential's own Base URL, so a literal costs no evaluation per item.
 */
export const GEN_BASE_URL = 'https://api.gen.pro/v1';

/**
 * A GEN request outside the declarative routing (list searches, generation polls) with the node's
 * credential; the answer, whatever its status, is for the caller to check.
 */
export async function genRequest(
	context: ILoadOptionsFunctions | IExecuteSingleFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
): Promise<IN8nHttpFullResponse> {
	return (await context.helpers.httpRequestWithAuthentication.call(context, credentialType(context.getNode()), {
		method,
		baseURL: GEN_BASE_URL,
		url: path,
		...(qs && { qs }),
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as IN8nHttpFullResponse;
}

/** A GEN list outside the declarative routing (list searches in the editor), checked like the node's answers. */
export async function genApiList(
	this: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	expected: string,
	qs?: IDataObject,
): Promise<IDataObject[]> {
	return await genApiGet.call(this, method, path, { answer: 'list', expected }, qs);
}

/** One GEN answer outside the declarative routing (list searches), checked like the node's answers. */
export async function genApiGet(
	this: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	check: AnswerCheck,
	qs?: IDataObject,
): Promise<IDataObject[]> {
	return await checkAnswer(this, await genRequest(this, method, path, qs), check);
}

/** Loads a GEN list for a resource locator and keeps the entries whose label or ID match. */
export async function searchList(
	this: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	label: (entry: IDataObject) => string,
	expected: string,
	qs?: IDataObject,
): Promise<INodeListSearchResult> {
	const entries = await genApiList.call(this, 'GET', path, expected, qs);
	return { results: matching(entries, filter, label) };
}

/** The entries whose label or ID contain the filter (case-insensitive), as list search results. */
export function matching(
	entries: IDataObject[],
	filter: string | undefined,
	label: (entry: IDataObject) => string,
	value: (entry: IDataObject) => string = (entry) => String(entry.id),
) {
	const needle = filter?.trim().toLowerCase() ?? '';
	return entries
		.map((entry) => ({ name: label(entry), value: value(entry) }))
		.filter(({ name, value }) => `${name} ${value}`.toLowerCase().includes(needle));
}
