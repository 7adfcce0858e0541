import { genOperation } from '../../shared/routing';
import { ideaIds } from './shared';

export const expand = genOperation({
	option: {
		name: 'Expand',
		value: 'expand',
		action: 'Expand an idea into a project manifest',
		description: "Expand an idea into a project manifest (the layer and scene plan a vidsheet is built from) and output GEN's answer with its project_manifest; GEN returns the cached one when it has it",
	},
	method: 'POST',
	path: '/ideas/{ideaId}/expand',
	host: 'agent',
	request: (context) => ({ ids: ideaIds(context) }),
	answer: 'object',
	expected: 'the expanded idea',
	fields: [],
});
