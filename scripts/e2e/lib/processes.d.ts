/* eslint-disable @n8n/community-nodes/no-restricted-imports -- types for the e2e scripts, which run in Node, not inside n8n */
// Types for processes.js (its JSDoc is the source of truth).
import type { ChildProcess, SpawnOptions } from 'node:child_process';

export interface RunResult {
	code: number | null;
	signal: string | null;
	stdout: string;
	stderr: string;
	durationMs: number;
	timedOut: boolean;
}

export declare function run(
	command: string,
	args: string[],
	options?: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; stdin?: string; stderr?: 'pipe' | 'inherit' },
): Promise<RunResult>;
export declare function spawnTracked(command: string, args: string[], options: SpawnOptions): ChildProcess;
export declare function stopProcess(child: ChildProcess, graceMs?: number): Promise<void>;
export declare function stopAll(): Promise<void>;
export declare function freePort(): Promise<number>;
export declare function removeOnExit(dir: string): void;
