import type {
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { agentBaseUrlProperty, authenticateWith, baseUrlProperty, currentUserTest } from './common';

export class GenJwtApi implements ICredentialType {
	name = 'genJwtApi';

	displayName = 'GEN JWT API';

	icon: Icon = { light: 'file:../icons/gen.svg', dark: 'file:../icons/gen.dark.svg' };

	documentationUrl = 'https://github.com/gen-pro/n8n-nodes-gen#gen-jwt-api';

	properties: INodeProperties[] = [
		{
			displayName:
				"JWTs come from GEN's web login (Clerk/Dynamic) and are short-lived, so workflows using one stop working when it expires. For automations, use a GEN API key credential instead.",
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'JWT',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "A JSON Web Token issued by GEN's web login, sent as a Bearer token",
		},
		baseUrlProperty,
		agentBaseUrlProperty,
	];

	authenticate = authenticateWith((credentials) => ({ Authorization: `Bearer ${String(credentials.token)}` }));

	test: ICredentialTestRequest = currentUserTest('JWT');
}
