import { apiKeyIdLocator, type Operation } from '../../shared/descriptions';
import { requireText } from '../../shared/routing';

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
		apiKeyIdLocator(show),
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
					preSend: [requireText('name', 'New Name')],
				},
			},
		},
	],
};
