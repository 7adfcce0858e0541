/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code: made-up secrets the tests check never leak */
import { loadListSearch, runNode, testCredential } from '../harness/n8n';
import { serialized, shown, useSandbox } from '../support/gen';
import { startHost, startRedirector, type Host } from '../support/hosts';
import { EVERY_OPERATION } from '../support/operations';

const gen = useSandbox();
const API_KEY = 'gen_pat_must_stay_home_0001';
const JWT = 'eyJhbGciOiJub25lIn0.e30.must-stay-home';

// The place a hostile or misconfigured Base URL points requests to: it must never see one.
let elsewhere: Host;
beforeAll(async () => {
	elsewhere = await startHost();
});
beforeEach(() => elsewhere.requests.splice(0));
afterAll(async () => elsewhere.close());

const apiKeyCredential = (baseUrl: string) => ({ genApi: { apiKey: API_KEY, baseUrl } });
const jwtCredential = (baseUrl: string) => ({ genJwtApi: { token: JWT, baseUrl } });

describe.each([301, 302, 307, 308])('A Base URL that redirects (%i) to another host', (status) => {
	let redirector: Host;
	beforeAll(async () => {
		redirector = await startRedirector(status, () => elsewhere.url);
	});
	beforeEach(() => redirector.requests.splice(0));
	afterAll(async () => redirector.close());

	const elsewhereHost = () => new URL(elsewhere.url).host;

	it.each(EVERY_OPERATION)('%s > %s: an error naming the redirect, nothing sent on', async (resource, operation, fields, method, _path, input = {}) => {
		const { error, items } = await runNode({
			...input,
			parameters: { resource, operation, ...fields },
			credentials: apiKeyCredential(`${redirector.url}/v1`),
		});

		expect(shown(error)).toEqual({
			message: `GEN API error ${status}: the Base URL redirects to ${elsewhereHost()}`,
			description:
				"GEN's API never redirects, so the request was not sent on and the credential's secret did not leave the Base URL's host. Check the Base URL in the GEN credential.",
			httpCode: String(status),
		});
		expect(items).toEqual([]);
		expect(redirector.requests.map((request) => request.method)).toEqual([method]);
		expect(elsewhere.requests).toEqual([]);
	});

	it('with the JWT credential: the Bearer token is not sent on either', async () => {
		const { error } = await runNode({
			parameters: { authentication: 'jwt', resource: 'user', operation: 'getCurrent' },
			credentials: jwtCredential(`${redirector.url}/v1`),
		});

		expect(error?.message).toBe(`GEN API error ${status}: the Base URL redirects to ${elsewhereHost()}`);
		expect(redirector.requests[0].headers.authorization).toBe(`Bearer ${JWT}`);
		expect(elsewhere.requests).toEqual([]);
	});

	it.each([
		['getApiKeys', 'apiKey', 'rename'],
		['getWorkspaces', 'agent', 'getAll'],
	])('list search %s: an error, nothing sent on', async (method, resource, operation) => {
		const search = loadListSearch(method, {
			parameters: { resource, operation },
			credentials: apiKeyCredential(`${redirector.url}/v1`),
		});

		await expect(search).rejects.toThrow(`GEN API error ${status}: the Base URL redirects to ${elsewhereHost()}`);
		expect(redirector.requests).toHaveLength(1);
		expect(elsewhere.requests).toEqual([]);
	});

	it.each([
		['genApi', apiKeyCredential, 'API key'],
		['genJwtApi', jwtCredential, 'JWT'],
	] as const)('credential test of %s: an Error, not "Connection successful", nothing sent on', async (type, credential, secret) => {
		const result = await testCredential(type, credential(`${redirector.url}/v1`)[type as never]);

		expect(result).toMatchObject({
			status: 'Error',
			message: `The Base URL answered with a redirect (HTTP ${status}). GEN's API never redirects, so the ${secret} was not sent on: check the Base URL.`,
		});
		expect(redirector.requests.map(({ method, url }) => `${method} ${url}`)).toEqual(['GET /v1/me']);
		expect(elsewhere.requests).toEqual([]);
	});
});

describe('The Base URL is checked before anything is sent', () => {
	const local = () => new URL(gen.sandbox.baseUrl);

	it.each([
		['a query', () => `${gen.sandbox.baseUrl}?x=1`, 'it must not contain a query (?…)'],
		['an empty query', () => `${gen.sandbox.baseUrl}?`, 'it must not contain a query (?…)'],
		['a fragment', () => `${gen.sandbox.baseUrl}#frag`, 'it must not contain a fragment (#…)'],
		['user:password', () => `http://user:pw@${local().host}/v1`, 'it must not contain a user name or password'],
		['plain http to another host', () => 'http://api.gen.pro/v1', 'it must start with https:// (http:// only for localhost, 127.0.0.1 or [::1])'],
		['another scheme', () => 'ftp://api.gen.pro/v1', 'it must start with https:// (http:// only for localhost, 127.0.0.1 or [::1])'],
		['no URL at all', () => 'api.gen.pro/v1', 'it is not a URL'],
	])('refuses %s in a node run and in the credential test', async (_case, baseUrl, why) => {
		const { sandbox } = gen;
		const message = `The GEN credential's Base URL is not valid: ${why}`;

		const { error } = await runNode({
			parameters: { resource: 'user', operation: 'getCurrent' },
			credentials: apiKeyCredential(baseUrl()),
		});
		const tested = await testCredential('genApi', { apiKey: API_KEY, baseUrl: baseUrl() });

		expect(error?.message).toBe(message);
		expect(error?.description).toBe(
			`Got "${baseUrl()}". Use https://api.gen.pro/v1 (the default), or the address of a GEN test server. Nothing was sent.`,
		);
		expect(serialized(error)).not.toContain(API_KEY);
		expect(tested).toMatchObject({ status: 'Error', message });
		expect(sandbox.requests).toEqual([]);
	});

	it.each([
		['a trailing slash', (url: string) => `${url}/`],
		['spaces around it', (url: string) => `  ${url}  `],
		['localhost by name', (url: string) => url.replace('127.0.0.1', 'localhost')],
	])('accepts %s', async (_case, variant) => {
		const { sandbox } = gen;
		const { error, items } = await runNode({
			parameters: { resource: 'user', operation: 'getCurrent' },
			credentials: { genApi: { apiKey: sandbox.apiKey, baseUrl: variant(sandbox.baseUrl) } },
		});

		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(sandbox.requests.map(({ method, url }) => `${method} ${url}`)).toEqual(['GET /v1/me']);
	});
});
