/* eslint-disable @typescript-eslint/no-explicit-any -- types for the e2e scripts, which run in Node, not inside n8n */
// Types for run-data.js (its JSDoc is the source of truth).
export type Json = Record<string, any>;

export declare function nodeRuns(run: any, nodeName: string): any[];
export declare function nodeItems(run: any, nodeName: string, options?: { output?: number; runIndex?: number }): Json[];
export declare function allNodeItems(run: any, nodeName: string): Json[];
export declare function nodeError(run: any, nodeName: string): any;
export declare function runError(run: any): any;
export declare function executedNodes(run: any): string[];
export declare function loadWorkflowDir(dir: string): Array<{ file: string; workflow: any }>;
