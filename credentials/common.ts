import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

// Shared by both GEN credentials. Icon and documentation URL stay literal in each class:
// n8n's lint rules (and package scanner) read them from the class itself.

/** GEN's production API. Requests name it as their base URL; authenticate() moves them to the credential's. */
export const GEN_BASE_URL = 'https://api.gen.pro/v1';

/**
 * GEN's agent host (ideas, research, agent chat). Requests meant for it name it as their base URL;
 * authenticate() moves them to the credential's Agent API Base URL.
 */
export const GEN_AGENT_BASE_URL = 'https://agent.gen.pro/v1';

export const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: GEN_BASE_URL,
	description:
		"GEN's API address. Change it only to reach a test server: https:// only (http:// just for localhost, 127.0.0.1 and [::1]), no query, fragment or user:password.",
};

export const agentBaseUrlProperty: INodeProperties = {
	displayName: 'Agent API Base URL',
	name: 'agentBaseUrl',
	type: 'string',
	default: GEN_AGENT_BASE_URL,
	description:
		"GEN's agent API address (ideas, research, agent chat). Change it only to reach a test server: https:// only (http:// just for localhost, 127.0.0.1 and [::1]), no query, fragment or user:password.",
};

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

type Host = { label: string; fallback: string };
const MAIN_HOST: Host = { label: 'Base URL', fallback: GEN_BASE_URL };
const AGENT_HOST: Host = { label: 'Agent API Base URL', fallback: GEN_AGENT_BASE_URL };

function badBaseUrl(baseUrl: string, why: string, host: Host): Error {
	const error = new Error(`The GEN credential's ${host.label} is not valid: ${why}`);
	Object.assign(error, {
		description: `Got "${baseUrl}". Use ${host.fallback} (the default), or the address of a GEN test server. Nothing was sent.`,
	});
	return error;
}

/**
 * The credential's Base URL, checked before any request carries the secret: a query or fragment
 * would swallow the request path, user:password would add a Basic header, and plain http would
 * send the key in clear text.
 */
function checkedBaseUrl(value: unknown, host: Host): string {
	const baseUrl = String(value ?? '').trim();
	const bad = (why: string) => badBaseUrl(baseUrl, why, host);
	let url: URL;
	try {
		url = new URL(baseUrl);
	} catch {
		throw bad('it is not a URL');
	}
	const local = url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
	if (url.protocol !== 'https:' && !local) {
		throw bad('it must start with https:// (http:// only for localhost, 127.0.0.1 or [::1])');
	}
	if (url.username || url.password) throw bad('it must not contain a user name or password');
	if (url.search || baseUrl.includes('?')) throw bad('it must not contain a query (?…)');
	if (url.hash || baseUrl.includes('#')) throw bad('it must not contain a fragment (#…)');
	return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

const under = (url: string, baseUrl: string) =>
	url === baseUrl || url.startsWith(`${baseUrl}/`) || url.startsWith(`${baseUrl}?`);

/**
 * Every GEN request passes here (node operations, list searches, the credential test): the secret
 * goes only to the credential's own two hosts, and never along a redirect. A request names the
 * agent host by its production address as base URL; any other goes to the Base URL.
 */
export function authenticateWith(secretHeaders: (credentials: ICredentialDataDecryptedObject) => IDataObject) {
	return async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions) => {
		const baseUrl = checkedBaseUrl(credentials.baseUrl, MAIN_HOST);
		// Credentials saved before the agent host's field existed have none: they get its default.
		const agentBaseUrl = checkedBaseUrl(credentials.agentBaseUrl ?? GEN_AGENT_BASE_URL, AGENT_HOST);
		const url = String(requestOptions.url ?? '');
		if (/^([a-z][a-z\d+.-]*:)?\/\//i.test(url)) {
			// An absolute URL (the HTTP Request node with this credential) must stay under one of the two.
			if (!under(url, baseUrl) && !under(url, agentBaseUrl)) {
				throw new Error(
					`The GEN credential only sends its secret to ${baseUrl} and ${agentBaseUrl}, not to ${url.split('?')[0]}`,
				);
			}
		} else {
			requestOptions.baseURL = requestOptions.baseURL === GEN_AGENT_BASE_URL ? agentBaseUrl : baseUrl;
		}
		requestOptions.disableFollowRedirect = true;
		requestOptions.maxRedirects = 0;
		requestOptions.sendCredentialsOnCrossOriginRedirect = false;
		requestOptions.headers = { ...requestOptions.headers, ...secretHeaders(credentials) };
		return requestOptions;
	};
}

const REDIRECTS = [301, 302, 303, 307, 308];

/**
 * n8n's Test button: `GET /me`, with GEN's 401 explained (n8n 2.x shows the rule's message). A
 * redirect is refused by authenticate() and named here: the rules are static, so the Location
 * host shows only in node errors.
 */
export function currentUserTest(secret: string): ICredentialTestRequest {
	return {
		request: { baseURL: GEN_BASE_URL, url: '/me', method: 'GET' },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: `GEN did not accept this ${secret}: it is wrong, revoked or expired`,
				},
			},
			...REDIRECTS.map((status) => ({
				type: 'responseCode' as const,
				properties: {
					value: status,
					message: `The Base URL answered with a redirect (HTTP ${status}). GEN's API never redirects, so the ${secret} was not sent on: check the Base URL.`,
				},
			})),
		],
	};
}
