import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { getApiKeys } from './listSearch/getApiKeys';
import { getWorkspaces } from './listSearch/getWorkspaces';
import { agentDescription } from './resources/agent';
import { apiKeyDescription } from './resources/apiKey';
import { userDescription } from './resources/user';
import { workspaceDescription } from './resources/workspace';
import { checkResponse } from './shared/routing';

export class Gen implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GEN',
		name: 'gen',
		icon: { light: 'file:../../icons/gen.svg', dark: 'file:../../icons/gen.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage your GEN (gen.pro) API keys, and read your user, workspaces and agents',
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
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: 'genJwtApi',
				required: true,
				displayOptions: { show: { authentication: ['jwt'] } },
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
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Agent',
						value: 'agent',
					},
					{
						name: 'API Key',
						value: 'apiKey',
					},
					{
						name: 'User',
						value: 'user',
					},
					{
						name: 'Workspace',
						value: 'workspace',
					},
				],
				default: 'apiKey',
				// Every operation sits under a resource, so this is the one place all answers pass.
				routing: { output: { postReceive: [checkResponse] } },
			},
			...agentDescription,
			...apiKeyDescription,
			...userDescription,
			...workspaceDescription,
		],
	};

	methods = {
		listSearch: {
			getApiKeys,
			getWorkspaces,
		},
	};
}
