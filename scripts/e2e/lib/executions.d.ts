/* eslint-disable @typescript-eslint/no-explicit-any -- types for the e2e scripts, which run in Node, not inside n8n */
// Types for executions.js (its JSDoc is the source of truth) so TypeScript tests can import it.
import type { N8nInstance } from './n8n';

export interface WebhookResult {
	status: number;
	/** parsed JSON when possible, else text */
	body: any;
	ms: number;
}

export function callWebhook(
	app: N8nInstance,
	webhookPath: string,
	body?: unknown,
	options?: { method?: string; waitForRegistrationMs?: number; timeoutMs?: number },
): Promise<WebhookResult>;
/** newest first, without data */
export function listExecutions(app: N8nInstance, workflowId: string, limit?: number): Promise<any[]>;
/** the execution with `data` (IRunExecutionData) parsed from n8n's flatted format */
export function readExecution(app: N8nInstance, id: string): Promise<any>;
/** data.resultData.runData[nodeName][0]; throws when the node did not run */
export function nodeRun(data: any, nodeName: string): any;
