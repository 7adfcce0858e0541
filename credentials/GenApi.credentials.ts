import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { agentBaseUrlProperty, authenticateWith, baseUrlProperty, currentUserTest } from './common';

export class GenApi implements ICredentialType {
	name = 'genApi';

	displayName = 'GEN API';

	icon: Icon = { light: 'file:../icons/gen.svg', dark: 'file:../icons/gen.dark.svg' };

	documentationUrl = 'https://github.com/gen-pro/n8n-nodes-gen#gen-api-recommended';

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
		baseUrlProperty,
		agentBaseUrlProperty,
	];

	authenticate = authenticateWith((credentials) => ({ 'X-API-Key': String(credentials.apiKey) }));

	test: ICredentialTestRequest = currentUserTest('API key');
}
