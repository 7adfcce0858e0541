/**
 * A picker entry's text: the name with the ID beside it, e.g. "Brand Voice (agent_1)" or, with a
 * detail, "CI Pipeline (2, active)". Names repeat (two agents called "Brand Voice"); IDs do not,
 * and they are what the field saves and what GEN's own pages show.
 */
export function withId(name: string, id: unknown, detail?: string): string {
	return `${name} (${[String(id), detail].filter(Boolean).join(', ')})`;
}
