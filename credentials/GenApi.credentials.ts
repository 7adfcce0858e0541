import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class GenApi implements ICredentialType {
	name = 'genApi';

	displayName = 'GEN API';

	icon: Icon = { light: 'file:../icons/gen.svg', dark: 'file:../icons/gen.dark.svg' };

	documentationUrl = 'https://api.gen.pro';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'gen_pat_…',
			description:
				'A GEN personal access token. Create one in GEN under Settings > API Keys; it is shown only once.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.gen.pro/v1',
			description: "GEN's API address. Change it only to reach a test server.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-API-Key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}',
			url: '/me',
			method: 'GET',
		},
	};
}
