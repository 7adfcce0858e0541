import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { getApiKeys } from './listSearch/getApiKeys';
import { getWorkspaces } from './listSearch/getWorkspaces';
import { agentDescription } from './resources/agent';
import { cellDescription } from './resources/cell';
import { getModels } from './resources/cell/models';
import { apiKeyDescription } from './resources/apiKey';
import { generationDescription } from './resources/generation';
import { userDescription } from './resources/user';
import { workspaceDescription } from './resources/workspace';
import { optionsField } from './shared/descriptions';
import { waitForCompletionField, waitingOptions } from './shared/waiting';
import { GEN_BASE_URL } from './shared/transport';

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
			// A literal costs no expression evaluation per item; the credential's authenticate() moves
			// every request to the credential's own Base URL (and refuses redirects).
			baseURL: GEN_BASE_URL,
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/json',
			},
			json: true,
			// Each operation's answer check reads GEN's error answers, keeping GEN's own message.
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
						name: 'Cell',
						value: 'cell',
					},
					{
						name: 'Generation',
						value: 'generation',
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
						name: 'Cell',
						value: 'cell',
					},
					{
						name: 'Generation',
						value: 'generation',
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
			},
			...agentDescription,
			...apiKeyDescription,
			...cellDescription,
			...generationDescription,
			...userDescription,
			...workspaceDescription,
			waitForCompletionField,
			optionsField(waitingOptions),
		],
	};

	methods = {
		loadOptions: {
			getModels,
		},
		listSearch: {
			getApiKeys,
			getWorkspaces,
		},
	};
}
