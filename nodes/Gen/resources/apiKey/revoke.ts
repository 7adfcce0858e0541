import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { apiKeyIdLocator, type Operation } from '../../shared/descriptions';
import { requiredText, withFields } from '../../shared/routing';

const show = { resource: ['apiKey'], operation: ['revoke'] };

/** GEN answers 204 with no body (or 200 with the key): either way say which key was revoked. */
async function revokedKey(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const id = requiredText(this, 'apiKeyId', 'API Key ID').trim();
	return withFields(items, { id, revoked: true });
}

export const revoke: Operation = {
	option: {
		name: 'Revoke',
		value: 'revoke',
		action: 'Revoke an API key',
		description: 'Revoke an API key so it can no longer be used',
		routing: {
			request: { method: 'DELETE', url: '/persisted_tokens/{apiKeyId}/revoke' },
			output: { postReceive: [revokedKey] },
		},
	},
	fields: [apiKeyIdLocator(show)],
};
