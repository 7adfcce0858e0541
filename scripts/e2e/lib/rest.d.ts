/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- types for the e2e scripts, which run in Node, not inside n8n */
// Types for rest.js (its JSDoc is the source of truth).
import type { ChildProcess } from 'node:child_process';

export interface HttpResult {
	status: number;
	headers: Headers;
	body: any;
}

export interface Owner {
	cookie: string;
	user: any;
	email: string;
	password: string;
}

export interface OwnerDetails {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export declare function request(
	baseUrl: string,
	method: string,
	urlPath: string,
	body?: unknown,
	options?: { cookie?: string | null; headers?: Record<string, string> },
): Promise<HttpResult>;
export declare function restData(response: { status: number; body: any }, method: string, urlPath: string): any;
export declare function sessionCookie(headers: Headers): string;
export declare function setupOwner(baseUrl: string, owner: OwnerDetails): Promise<Owner>;
export declare function login(baseUrl: string, email: string, password: string): Promise<Owner>;
export declare function setWorkflowActive(
	rest: (method: string, urlPath: string, body?: unknown) => Promise<any>,
	line: string,
	id: string,
	active: boolean,
): Promise<any>;
export declare function waitForReady(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void>;
