/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- types for the e2e scripts, which run in Node, not inside n8n */
// Types for instance.js (its JSDoc is the source of truth).
import type { ChildProcess } from 'node:child_process';
import type { Installation, Line } from './install';
import type { RunResult } from './processes';
import type { HttpResult, Owner, OwnerDetails } from './rest';

export interface ExecuteResult extends RunResult {
	ok: boolean;
	/** the run data n8n printed (IRun: data.resultData.runData[node][0].data.main[0][i].json …) */
	data: any;
	/** stdout + stderr when the run failed */
	error: string | undefined;
	/** died of SIGSEGV while exiting, after printing a finished run (ok goes by its status) */
	crashedAtExit: boolean;
}

export interface N8nServer {
	url: string;
	port: number;
	brokerPort: number;
	process: ChildProcess;
	output(): string;
	stop(): Promise<void>;
}

export type EnvOverrides = Record<string, string | undefined>;

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export declare class N8nInstance {
	constructor(installation: Installation, userFolder: string, envOverrides?: EnvOverrides);
	installation: Installation;
	version: string;
	line: '1' | '2';
	userFolder: string;
	envOverrides: EnvOverrides;
	server: N8nServer | undefined;
	owner: Owner | undefined;
	/** 'n8n-nodes-gen.gen' */
	nodeType: string;
	/** the running server's base URL (throws when not started) */
	readonly url: string;
	env(extra?: EnvOverrides): NodeJS.ProcessEnv;
	cli(args: string[], options?: { env?: EnvOverrides; timeoutMs?: number }): Promise<RunResult>;
	writeJson(name: string, data: unknown): string;
	importCredentials(credentials: CredentialImport[]): Promise<RunResult>;
	importWorkflows(workflows: object[]): Promise<RunResult>;
	execute(id: string, options?: { env?: EnvOverrides; timeoutMs?: number }): Promise<ExecuteResult>;
	start(options?: { port?: number; env?: EnvOverrides; timeoutMs?: number }): Promise<N8nServer>;
	stopServer(): Promise<void>;
	setupOwner(owner?: Partial<OwnerDetails>): Promise<Owner>;
	login(email?: string, password?: string): Promise<Owner>;
	fetch(
		method: string,
		urlPath: string,
		body?: unknown,
		options?: { cookie?: string | null; headers?: Record<string, string> },
	): Promise<HttpResult>;
	rest(method: string, urlPath: string, body?: unknown): Promise<any>;
	activateWorkflow(id: string): Promise<any>;
	deactivateWorkflow(id: string): Promise<any>;
	dispose(options?: { keepUserFolder?: boolean }): Promise<void>;
}

export declare const ENCRYPTION_KEY: string;
export declare const OWNER: Readonly<OwnerDetails>;

export declare function n8nEnv(
	installation: Pick<Installation, 'line' | 'binDir'> & { nodeOptions?: string },
	userFolder: string,
	extra?: EnvOverrides,
): NodeJS.ProcessEnv;
export declare function parseExecuteOutput(stdout: string): any;
export declare function genApiCredential(options: {
	apiKey: string;
	baseUrl: string;
	/** GEN's agent host (ideas, research, agent chat); none: the credential's default, agent.gen.pro */
	agentBaseUrl?: string;
	id?: string;
	name?: string;
}): CredentialImport;
export declare function genJwtCredential(options: {
	token: string;
	baseUrl: string;
	id?: string;
	name?: string;
}): CredentialImport;
export declare function createInstance(options: {
	line: Line;
	tarball?: string;
	label?: string;
	env?: EnvOverrides;
}): Promise<N8nInstance>;
