/* eslint-disable @n8n/community-nodes/no-restricted-imports -- types for the e2e scripts, which run in Node, not inside n8n */
// Types for queue.js (its JSDoc is the source of truth) so TypeScript tests can import it.
import type { ChildProcess } from 'node:child_process';
import type { N8nInstance } from './n8n';

export interface Redis {
	port: number;
	process: ChildProcess;
	output(): string;
	/** one inline command, resolves to the first reply line (e.g. '+PONG') */
	command(command: string): Promise<string>;
	stop(): Promise<void>;
}

export interface Postgres {
	port: number;
	process: ChildProcess;
	output(): string;
	/** DB_TYPE=postgresdb and DB_POSTGRESDB_* for n8n (pass to n8n.createInstance({ env })) */
	env: Record<string, string>;
	/** stops the server and deletes its data folder */
	stop(): Promise<void>;
}

export interface Worker {
	name: string;
	healthPort: number;
	brokerPort: number;
	process: ChildProcess;
	/** the worker's log (last 2 MB) */
	output(): string;
	stop(): Promise<void>;
}

export interface Cluster {
	app: N8nInstance;
	/** Bull key prefix of this cluster */
	prefix: string;
	workers: Worker[];
	addWorker(name?: string): Promise<Worker>;
	/** stops the workers and the main process */
	stop(): Promise<void>;
}

export function startRedis(options?: { port?: number; timeoutMs?: number }): Promise<Redis>;
/** a throwaway PostgreSQL on a free 127.0.0.1 port with an empty database `n8n` (Debian's package) */
export function startPostgres(options?: { timeoutMs?: number }): Promise<Postgres>;
export function queueEnv(redis: { port: number }, prefix?: string): Record<string, string>;
export function startWorker(
	app: N8nInstance,
	redis: { port: number },
	options?: {
		name?: string;
		concurrency?: number;
		prefix?: string;
		env?: Record<string, string | undefined>;
		timeoutMs?: number;
	},
): Promise<Worker>;
export function startCluster(
	app: N8nInstance,
	redis: { port: number },
	options?: {
		workers?: number;
		concurrency?: number;
		prefix?: string;
		env?: Record<string, string | undefined>;
	},
): Promise<Cluster>;
export function waitForMainReady(app: N8nInstance, timeoutMs?: number): Promise<void>;
/** execution ids each worker finished (from `Worker finished execution <id>` log lines), by worker name */
export function executionsByWorker(workers: Array<{ name: string; output(): string }>): Record<string, string[]>;
