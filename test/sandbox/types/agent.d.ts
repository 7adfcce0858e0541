// The agent host (agent.js, agent-routes.js).

import type { Fault, RecordedRequest } from './requests';

export type AgentEnding = 'completed' | 'failed' | 'never' | 'awaiting_approval';

/** GEN's agent host (agent.gen.pro/v1): ideas, ideas / research jobs, chat runs; its own log and faults. */
export interface AgentHost {
	/** e.g. 'http://127.0.0.1:40124' */
	url: string;
	/** url + '/v1' */
	baseUrl: string;
	port: number;
	/** every request in arrival order (rejected ones too) */
	requests: RecordedRequest[];
	/** live state: ideas (seeded 501-504 for agent_1), jobs, runs */
	readonly state: {
		ideas: Array<Record<string, unknown>>;
		jobs: Map<string, Record<string, unknown>>;
		runs: Map<string, Record<string, unknown>>;
	};
	clearRequests(): void;
	/** restores the seed, clears faults and requests */
	reset(): void;
	/** queue a fault on this host (same shape as the main API's) */
	fault(fault: Fault): void;
	/** how jobs started from now on end: after `polls` polls (default 1), as `ending` */
	setJobOutcome(outcome: { ending: AgentEnding; polls?: number }): void;
	/** how chat runs started from now on end */
	setRunOutcome(outcome: { ending: AgentEnding; polls?: number }): void;
	/** how many times a job or run was polled */
	polls(id: string): number;
	close(): Promise<void>;
}
