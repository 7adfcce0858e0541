import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IN8nHttpFullResponse,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	IPollFunctions,
} from 'n8n-workflow';
import { checkAnswer, credentialType, type AnswerCheck } from './answer';

/**
 * GEN's production API: the literal base of every request. The credential's authenticate() moves
 * each request to the credential's own Base URL, so a literal costs no evaluation per item.
 */
export const GEN_BASE_URL = 'https://api.gen.pro/v1';

/**
 * GEN's agent host (ideas, research, agent chat): requests meant for it name it as their base URL,
 * and the credential's authenticate() moves them to its Agent API Base URL.
 */
export const GEN_AGENT_BASE_URL = 'https://agent.gen.pro/v1';

/** Which of GEN's two hosts a request goes to. */
export type GenHost = 'main' | 'agent';

export const baseUrlOf = (host: GenHost = 'main') => (host === 'agent' ? GEN_AGENT_BASE_URL : GEN_BASE_URL);

/**
 * A GEN request outside the declarative routing (list searches, generation polls) with the node's
 * credential; the answer, whatever its status, is for the caller to check.
 */
export async function genRequest(
	context: ILoadOptionsFunctions | IExecuteSingleFunctions | IPollFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
	host?: GenHost,
	/** Milliseconds the request may take (a trigger's poll budget); none by default. */
	timeout?: number,
): Promise<IN8nHttpFullResponse> {
	return (await context.helpers.httpRequestWithAuthentication.call(context, credentialType(context.getNode()), {
		method,
		baseURL: baseUrlOf(host),
		url: path,
		...(qs && { qs }),
		...(timeout !== undefined && { timeout }),
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
	host?: GenHost,
): Promise<IDataObject[]> {
	return await genApiGet.call(this, method, path, { answer: 'list', expected }, qs, host);
}

/** One GEN answer outside the declarative routing (list searches), checked like the node's answers. */
export async function genApiGet(
	this: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	check: AnswerCheck,
	qs?: IDataObject,
	host?: GenHost,
): Promise<IDataObject[]> {
	return await checkAnswer(this, await genRequest(this, method, path, qs, host), check);
}

/** Loads a GEN list for a resource locator and keeps the entries whose label or ID match. */
export async function searchList(
	this: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	label: (entry: IDataObject) => string,
	expected: string,
	qs?: IDataObject,
	host?: GenHost,
): Promise<INodeListSearchResult> {
	const entries = await genApiList.call(this, 'GET', path, expected, qs, host);
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
