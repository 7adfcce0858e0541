import type { IDataObject, IPollFunctions } from 'n8n-workflow';
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
	const keyOf = (idea: IDataObject) => String(idea.id);
	if (entries.length > 0 || !status || context.getMode() !== 'manual') return { scope, reading: { entries, keyOf } };
	// Fetch Test Event with no idea in the status: the agent's ideas, for a sample of their shape.
	const others = await read(context, { path: '/agent/ideas', qs: { agent_id: agent }, expected: 'a list of ideas', host: 'agent' });
	return { scope, reading: others === 'skip' ? 'skip' : { entries, keyOf, others } };
}
