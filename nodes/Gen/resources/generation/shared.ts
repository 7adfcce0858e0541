import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { idValue } from '../../shared/input';

/** The generation an operation acts on, e.g. `{{ $json.generation_id }}` from Cell > Generate. */
export const generationIdField: INodeProperties = {
	displayName: 'Generation ID',
	name: 'generationId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 9001',
	description: 'The ID GEN gave the generation (generation_id in the output of Cell > Generate or Render)',
	displayOptions: { show: { resource: ['generation'] } },
};

export const generationIds = (context: IExecuteSingleFunctions) => ({
	generationId: idValue(context, 'generationId', 'Generation ID'),
});

/** Path and `{agent_id}` body of Stop and Continue. */
export const agentScopedGeneration = (context: IExecuteSingleFunctions) => ({
	ids: generationIds(context),
	body: { agent_id: idValue(context, 'agentId', 'Agent') },
});
