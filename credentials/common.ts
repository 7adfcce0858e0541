import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

// Shared by both GEN credentials. Icon and documentation URL stay literal in each class:
// n8n's lint rules (and package scanner) read them from the class itself.

export const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: 'https://api.gen.pro/v1',
	description: "GEN's API address. Change it only to reach a test server.",
};

/** n8n's Test button: `GET /me`, with GEN's 401 explained (n8n 2.x shows the rule's message). */
export function currentUserTest(secret: string): ICredentialTestRequest {
	return {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}',
			url: '/me',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: `GEN did not accept this ${secret}: it is wrong, revoked or expired`,
				},
			},
		],
	};
}
