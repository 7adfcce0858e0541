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

export const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: GEN_BASE_URL,
	description:
		"GEN's API address. Change it only to reach a test server: https:// only (http:// just for localhost, 127.0.0.1 and [::1]), no query, fragment or user:password.",
};

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function badBaseUrl(baseUrl: string, why: string): Error {
	const error = new Error(`The GEN credential's Base URL is not valid: ${why}`);
	Object.assign(error, {
		description: `Got "${baseUrl}". Use ${GEN_BASE_URL} (the default), or the address of a GEN test server. Nothing was sent.`,
	});
	return error;
}

/**
 * The credential's Base URL, checked before any request carries the secret: a query or fragment
 * would swallow the request path, user:password would add a Basic header, and plain http would
 * send the key in clear text.
 */
function checkedBaseUrl(value: unknown): string {
	const baseUrl = String(value ?? '').trim();
	let url: URL;
	try {
		url = new URL(baseUrl);
	} catch {
		throw badBaseUrl(baseUrl, 'it is not a URL');
	}
	const local = url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
	if (url.protocol !== 'https:' && !local) {
		throw badBaseUrl(baseUrl, 'it must start with https:// (http:// only for localhost, 127.0.0.1 or [::1])');
	}
	if (url.username || url.password) throw badBaseUrl(baseUrl, 'it must not contain a user name or password');
	if (url.search || baseUrl.includes('?')) throw badBaseUrl(baseUrl, 'it must not contain a query (?…)');
	if (url.hash || baseUrl.includes('#')) throw badBaseUrl(baseUrl, 'it must not contain a fragment (#…)');
	return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * Every GEN request passes here (node operations, list searches, the credential test): the secret
 * goes only to the credential's own Base URL, and never along a redirect.
 */
export function authenticateWith(secretHeaders: (credentials: ICredentialDataDecryptedObject) => IDataObject) {
	return async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions) => {
		const baseUrl = checkedBaseUrl(credentials.baseUrl);
		const url = String(requestOptions.url ?? '');
		if (/^([a-z][a-z\d+.-]*:)?\/\//i.test(url)) {
			// An absolute URL (the HTTP Request node with this credential) must stay under the Base URL.
			if (url !== baseUrl && !url.startsWith(`${baseUrl}/`) && !url.startsWith(`${baseUrl}?`)) {
				throw new Error(`The GEN credential only sends its secret to ${baseUrl}, not to ${url.split('?')[0]}`);
			}
		} else {
			requestOptions.baseURL = baseUrl;
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
