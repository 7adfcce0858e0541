import type { IPollFunctions } from 'n8n-workflow';
import { read, type EventReading } from './read';

/** Idea Reached Status and New Idea: the agent's ideas (with the status, when the event has one), keyed by ID. */
export async function readIdeas(context: IPollFunctions, event: string, agent: string): Promise<EventReading> {
	const status = event === 'ideaStatus' ? String(context.getNodeParameter('status', '')) : '';
	const scope = JSON.stringify({ event, agent, status });
	const qs = { agent_id: agent, ...(status && { status }) };
	const ideas = await read(context, { path: '/agent/ideas', qs, expected: 'a list of ideas', host: 'agent' });
	if (ideas === 'skip') return { scope, reading: 'skip' };
	// GEN filters by status; the check here keeps an idea with another status from counting.
	const entries = status ? ideas.filter((idea) => idea.status === status) : ideas;
	return { scope, reading: { entries, keyOf: (idea) => String(idea.id) } };
}
