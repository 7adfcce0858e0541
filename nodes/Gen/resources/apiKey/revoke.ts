import type { Operation } from '../../shared/descriptions';
import { outputWith, requiredValue } from '../../shared/routing';

export const revoke: Operation = {
	option: {
		name: 'Revoke',
		value: 'revoke',
		action: 'Revoke an API key',
		description: 'Revoke an API key so it can no longer be used',
		routing: {
			request: { method: 'DELETE', url: '/persisted_tokens/{apiKeyId}/revoke' },
			output: {
				postReceive: [
					outputWith((context) => ({
						id: requiredValue(context, 'apiKeyId', 'API Key ID'),
						revoked: true,
					})),
				],
			},
		},
	},
	fields: [],
};
