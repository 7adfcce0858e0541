import type { IDataObject } from 'n8n-workflow';
import { idValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { agentScope } from './fields';

export const get = genOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a content resource',
		description: 'Get an uploaded or generated file: its URL, name, type and the generation that made it',
	},
	method: 'GET',
	path: '/content_resources/{contentResourceId}',
	request: (context) => ({
		ids: { contentResourceId: idValue(context, 'contentResourceId', 'Content Resource') },
		qs: agentScope(context),
	}),
	answer: 'object',
	expected: 'a content resource',
	// GEN wraps it ({content_resource, generator}): the output is the resource, as Get Many's are.
	output: (_context, [answer]) => [{ ...((answer.content_resource as IDataObject) ?? {}), generator: answer.generator ?? null }],
	fields: [],
});
