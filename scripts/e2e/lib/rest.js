// @ts-check
'use strict';

/**
 * The HTTP side of a running n8n (`n8n start`): waiting until its REST API is up, JSON requests
 * with the owner's session cookie, owner setup and login, workflow (de)activation. Plain
 * functions of the server's base URL; N8nInstance (./instance.js) wraps them. Types: the JSDoc here.
 */

/**
 * @typedef {object} HttpResult
 * @property {number} status
 * @property {Headers} headers
 * @property {any} body  parsed JSON when possible, else text
 */

/**
 * @typedef {object} OwnerDetails
 * @property {string} email
 * @property {string} firstName
 * @property {string} lastName
 * @property {string} password
 */

/**
 * @typedef {object} Owner
 * @property {string} cookie
 * @property {any} user
 * @property {string} email
 * @property {string} password
 */

/**
 * An HTTP request to n8n; JSON in and out. Resolves to `{status, headers, body}` (body parsed
 * JSON when possible, else text).
 * @param {string} baseUrl  e.g. http://127.0.0.1:5678
 * @param {string} method
 * @param {string} urlPath  e.g. '/rest/credentials/test'
 * @param {unknown} [body]
 * @param {{ cookie?: string | null, headers?: Record<string, string> }} [options]
 * @returns {Promise<HttpResult>}
 */
async function request(baseUrl, method, urlPath, body, options = {}) {
	/** @type {Record<string, string>} */
	const headers = { accept: 'application/json', 'browser-id': 'n8n-nodes-gen-e2e', ...options.headers };
	if (options.cookie) headers.cookie = options.cookie;
	if (body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${baseUrl}${urlPath}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	let parsed;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		parsed = text;
	}
	return { status: response.status, headers: response.headers, body: parsed };
}

/**
 * Throws unless the status is 2xx; unwraps n8n's `{data: …}` envelope.
 * @param {{ status: number, body: any }} response
 * @param {string} method  for the error message
 * @param {string} urlPath
 */
function restData(response, method, urlPath) {
	if (response.status < 200 || response.status >= 300) {
		throw new Error(`${method} ${urlPath} → ${response.status}: ${JSON.stringify(response.body)}`);
	}
	const parsed = response.body;
	return parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed;
}

/**
 * `name=value` pairs of the Set-Cookie headers, joined for a Cookie header.
 * @param {Headers} headers
 */
function sessionCookie(headers) {
	const list = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [headers.get('set-cookie') ?? ''];
	return list
		.map((cookie) => cookie.split(';')[0].trim())
		.filter((pair) => pair && !pair.endsWith('='))
		.join('; ');
}

/**
 * Creates the instance owner (`POST /rest/owner/setup`); resolves to `{cookie, user, email, password}`.
 * @param {string} baseUrl
 * @param {OwnerDetails} owner
 * @returns {Promise<Owner>}
 */
async function setupOwner(baseUrl, owner) {
	const response = await request(baseUrl, 'POST', '/rest/owner/setup', owner);
	if (response.status !== 200) {
		throw new Error(`owner setup failed: ${response.status} ${JSON.stringify(response.body)}`);
	}
	const cookie = sessionCookie(response.headers);
	if (!cookie) throw new Error('owner setup answered without a session cookie');
	return { cookie, user: response.body?.data ?? response.body, email: owner.email, password: owner.password };
}

/**
 * Logs in (`POST /rest/login`); resolves to `{cookie, user, email, password}`.
 * @param {string} baseUrl
 * @param {string} email
 * @param {string} password
 * @returns {Promise<Owner>}
 */
async function login(baseUrl, email, password) {
	// 1.x takes `email`, 2.x `emailOrLdapLoginId`; both ignore the other field.
	const response = await request(baseUrl, 'POST', '/rest/login', { email, emailOrLdapLoginId: email, password });
	if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
	const cookie = sessionCookie(response.headers);
	return { cookie, user: response.body?.data ?? response.body, email, password };
}

/**
 * Activates (2.x: publishes) or deactivates an imported workflow as the owner.
 * 2.x: POST /rest/workflows/:id/activate {versionId} or …/deactivate;
 * 1.x: PATCH /rest/workflows/:id {active, versionId}.
 * @param {(method: string, urlPath: string, body?: unknown) => Promise<any>} rest  an authenticated restData(request(…))
 * @param {string} line  '2' or '1'
 * @param {string} id
 * @param {boolean} active
 */
async function setWorkflowActive(rest, line, id, active) {
	if (Number(line) >= 2) {
		if (!active) return await rest('POST', `/rest/workflows/${id}/deactivate`, {});
		const workflow = await rest('GET', `/rest/workflows/${id}`);
		return await rest('POST', `/rest/workflows/${id}/activate`, { versionId: workflow.versionId });
	}
	const workflow = await rest('GET', `/rest/workflows/${id}`);
	return await rest('PATCH', `/rest/workflows/${id}`, { active, versionId: workflow.versionId });
}

/** @param {string} text */
function isSettings(text) {
	try {
		const body = JSON.parse(text);
		return Boolean(body && typeof body === 'object' && body.data && typeof body.data === 'object');
	} catch {
		return false;
	}
}

/**
 * Polls `/rest/settings` until it answers the settings JSON (1.x reports /healthz/readiness OK
 * before the routes exist; a fresh database answers 200 "n8n is starting up" while migrating).
 * Fails early when the n8n process exits.
 * @param {string} baseUrl
 * @param {import('node:child_process').ChildProcess} child
 * @param {() => string} output  the process's output so far, for the error message
 * @param {number} timeoutMs
 */
async function waitForReady(baseUrl, child, output, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`n8n start exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output().slice(-6000)}`);
		}
		try {
			const response = await fetch(`${baseUrl}/rest/settings`, { signal: AbortSignal.timeout(2000) });
			const text = await response.text();
			// While migrating, n8n answers every path 200 "n8n is starting up. Please wait".
			if (response.status === 200 && isSettings(text)) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`n8n start was not ready after ${timeoutMs} ms:\n${output().slice(-6000)}`);
}

module.exports = { request, restData, sessionCookie, setupOwner, login, setWorkflowActive, waitForReady };
