import type { Operation } from '../../shared/descriptions';
import { requireBodyText } from '../../shared/routing';

const show = { resource: ['apiKey'], operation: ['rename'] };

export const rename: Operation = {
	option: {
		name: 'Rename',
		value: 'rename',
		action: 'Rename an API key',
		description: 'Give an API key a new name',
		routing: { request: { method: 'PATCH', url: '/persisted_tokens/{apiKeyId}' } },
	},
	fields: [
		{
			displayName: 'New Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. n8n-production',
			description: 'The name the key gets',
			displayOptions: { show },
			routing: {
				send: {
					type: 'body',
					property: 'persisted_token.name',
					preSend: [requireBodyText('persisted_token.name', 'New Name')],
				},
			},
		},
	],
};
