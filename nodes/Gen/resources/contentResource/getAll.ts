import { limited } from '../../shared/descriptions';
import { limitValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { agentScope } from './fields';

export const getAll = genOperation({
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many content resources',
		description: "List the agent's uploaded and generated files, newest first",
	},
	method: 'GET',
	path: '/content_resources',
	request: (context) => {
		const type = String(context.getNodeParameter('type', '') ?? '');
		return { qs: { ...agentScope(context), ...(type && { type }) }, keep: limitValue(context) };
	},
	answer: 'list',
	expected: 'a list of content resources',
	// GEN's pages start at 0 (its templates' at 1).
	pages: { size: 20, first: 0 },
	output: (_context, entries, limit) => limited(entries, limit as number | undefined),
	fields: [],
});
