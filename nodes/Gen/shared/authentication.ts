import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The two credentials of the GEN node and the GEN Trigger, picked by the Authentication parameter. */
export const GEN_CREDENTIALS: INodeCredentialDescription[] = [
	{
		name: 'genApi',
		required: true,
		displayOptions: { show: { authentication: ['apiKey'] } },
	},
	{
		name: 'genJwtApi',
		required: true,
		displayOptions: { show: { authentication: ['jwt'] } },
	},
];

export const AUTHENTICATION_FIELD: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{
			name: 'API Key',
			value: 'apiKey',
		},
		{
			name: 'JWT',
			value: 'jwt',
		},
	],
	default: 'apiKey',
	description: 'API keys suit automations; JWTs from GEN\'s web login expire quickly',
};
