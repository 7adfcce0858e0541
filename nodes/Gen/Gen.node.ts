import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { getApiKeys } from './listSearch/getApiKeys';
import { apiKeyDescription } from './resources/apiKey';
import { userDescription } from './resources/user';
import { checkResponse } from './shared/routing';

export class Gen implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GEN',
		name: 'gen',
		icon: { light: 'file:../../icons/gen.svg', dark: 'file:../../icons/gen.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage your GEN (gen.pro) account and API keys',
		defaults: {
			name: 'GEN',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'genApi',
				required: true,
			},
		],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}',
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/json',
			},
			json: true,
			// GEN's error answers are read by checkResponse, which keeps GEN's own message.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'API Key',
						value: 'apiKey',
					},
					{
						name: 'User',
						value: 'user',
					},
				],
				default: 'apiKey',
				// Every operation sits under a resource, so this is the one place all answers pass.
				routing: { output: { postReceive: [checkResponse] } },
			},
			...apiKeyDescription,
			...userDescription,
		],
	};

	methods = {
		listSearch: {
			getApiKeys,
		},
	};
}
