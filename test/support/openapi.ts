/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test support code runs in Node, not inside n8n */
/**
 * GEN's published OpenAPI file as a request validator (Stoplight Prism's router and validator,
 * in-process): what the node sent the sandbox, checked against what GEN publishes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IPrismDiagnostic } from '@stoplight/prism-core';
import route from '@stoplight/prism-http/dist/router';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http/dist/utils/operations';
import { validateInput, validateSecurity } from '@stoplight/prism-http/dist/validator';
import type { IHttpRequest } from '@stoplight/prism-http';
import { load } from 'js-yaml';
import { repoRoot } from '../harness/package';
import type { RecordedRequest } from '../sandbox/server';

/** GEN's file, outside the repo (CI clones the repo with shared/ beside it); never copied in. */
export const GEN_OPENAPI = resolve(repoRoot, '../shared/gen-api/openapi.yaml');

/** Where GEN serves the routes this package calls; the file's paths are without `/v1`. */
const MAIN_API = 'https://api.gen.pro/v1';
/** GEN's router hands `/v1/schedule/…` to this host, whose operations list it as their server. */
const PUBLISHING_API = 'https://python.gen.pro';

/**
 * Schemas GEN's file points at and never defines (recurring-job routes this package does not use):
 * strict loaders refuse the whole file until they exist, so the copy adds them as open objects.
 */
const UNDEFINED_SCHEMAS = ['RecurringJobDeliveryPreferences', 'AutomationActionTarget'];

/** One operation of the file, as Prism reads it. */
type IHttpOperation = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>[number];

let operations: Promise<IHttpOperation[]> | undefined;

/** The file's operations, loaded once per test file (~0.5 s). */
export async function genOperations() {
	operations ??= loadOperations();
	return await operations;
}

async function loadOperations() {
	// `json: true`: GEN's file repeats a response code under one operation; the last one wins, as in JSON.
	const copy = load(readFileSync(GEN_OPENAPI, 'utf8'), { json: true }) as {
		components: { schemas: Record<string, unknown> };
	};
	for (const name of UNDEFINED_SCHEMAS) copy.components.schemas[name] ??= { type: 'object' };
	return await getHttpOperationsFromSpec(copy);
}

/** `METHOD path?query` as the sandbox received it, then what the file says is wrong with it. */
export type Violation = string;

/**
 * What is wrong with each request, by the file; [] when every request is one GEN publishes.
 * `baseUrl`: the GEN host the requests stand for (GEN's agent host is `https://agent.gen.pro/v1`).
 */
export async function specViolations(requests: readonly RecordedRequest[], baseUrl = MAIN_API): Promise<Violation[]> {
	const resources = await genOperations();
	return requests.flatMap((request) =>
		problems(resources, request, baseUrl).map((problem) => `${request.method} ${request.url}: ${problem}`),
	);
}

/** Fails (listing every violation) unless each request is one GEN publishes. */
export async function expectPublishedRequests(requests: readonly RecordedRequest[]) {
	expect(await specViolations(requests)).toEqual([]);
}

function problems(resources: IHttpOperation[], recorded: RecordedRequest, baseUrl: string): string[] {
	if (!recorded.path.startsWith('/v1/')) return ['not under /v1, where GEN serves its API'];
	const publishing = baseUrl === MAIN_API && recorded.path.startsWith('/v1/schedule/');
	const input = prismRequest(recorded, publishing ? PUBLISHING_API : baseUrl);
	const matched = route({ resources, input });
	if (matched._tag === 'Left') return [matched.left.message + described(matched.left)];
	const found: IPrismDiagnostic[] = [];
	for (const check of [validateInput, validateSecurity]) {
		const outcome = check({ resource: matched.right, element: input });
		if (outcome._tag === 'Left') found.push(...outcome.left);
	}
	return found.map(({ message, path }) => (path?.length ? `${message} (at ${path.join('.')})` : message));
}

function described(error: Error & { detail?: string }) {
	return error.detail ? `: ${error.detail}` : '';
}

/** A recorded request as Prism sees one sent to `baseUrl` (its path under `/v1` moved onto that host). */
function prismRequest(recorded: RecordedRequest, baseUrl: string): IHttpRequest {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(recorded.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return {
		method: recorded.method.toLowerCase() as IHttpRequest['method'],
		url: { baseUrl, path: recorded.path.slice('/v1'.length), query: recorded.query },
		headers,
		body: recorded.body,
	};
}
