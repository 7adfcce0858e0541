// Types for suite.js (its JSDoc is the source of truth).
export interface LineInfo {
	line: '1' | '2';
	version: string;
	node: number;
	nodeOptions: string;
	segfaultsAtExit: boolean;
}

export interface Received {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	apiKey: string | undefined;
	authorization: string | undefined;
	body: unknown;
}

export declare function linesToTest(): LineInfo[];
export declare const workflowsDir: string;
export declare const examplesDir: string;
export declare function received(
	requests: Array<{ method: string; path: string; query: object; headers: object; body: unknown }>,
): Received[];
export declare function waitFor<T>(
	check: () => T | Promise<T>,
	options?: { timeoutMs?: number; intervalMs?: number; what?: string },
): Promise<NonNullable<T>>;
export declare function todayUtc(date?: Date): string;
