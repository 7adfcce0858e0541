import {
	NodeConnectionTypes,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { AUTHENTICATION_FIELD, GEN_CREDENTIALS } from './shared/authentication';
import { getAgents } from './listSearch/getAgents';
import { getApiKeys } from './listSearch/getApiKeys';
import { getCells } from './listSearch/getCells';
import { getIdeas } from './listSearch/getIdeas';
import { getColumns } from './listSearch/getColumns';
import { getRows } from './listSearch/getRows';
import { getTemplates } from './listSearch/getTemplates';
import { getWorkspaces } from './listSearch/getWorkspaces';
import { agentDescription } from './resources/agent';
import { agentChatDescription } from './resources/agentChat';
import { apiKeyDescription } from './resources/apiKey';
import { cellDescription } from './resources/cell';
import { getModels } from './resources/cell/models';
import { columnDescription } from './resources/column';
import { contentFields, contentOptions } from './resources/content';
import { contentEngineDescription } from './resources/contentEngine';
import { contentResourceDescription, contentResourceOptions } from './resources/contentResource';
import { generationDescription } from './resources/generation';
import { ideaDescription } from './resources/idea';
import { postDescription, postOptions } from './resources/post';
import { researchDescription, researchOptions } from './resources/research';
import { rowDescription } from './resources/row';
import { templateDescription } from './resources/template';
import { userDescription } from './resources/user';
import { workspaceDescription } from './resources/workspace';
import { optionsField } from './shared/descriptions';
import { waitForCompletionField, waitingOptions } from './shared/waiting';
import { GEN_BASE_URL } from './shared/transport';

const RESOURCES = [
	...agentDescription,
	...agentChatDescription,
	...apiKeyDescription,
	...cellDescription,
	...columnDescription,
	...contentEngineDescription,
	...contentResourceDescription,
	...generationDescription,
	...ideaDescription,
	...postDescription,
	...researchDescription,
	...rowDescription,
	...templateDescription,
	...userDescription,
	...workspaceDescription,
];

const RESOURCE_FIELD: INodeProperties = {
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
			name: 'Agent Chat',
			value: 'agentChat',
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
			name: 'Column',
			value: 'column',
		},
		{
			name: 'Content Resource',
			value: 'contentResource',
		},
		{
			name: 'Generation',
			value: 'generation',
		},
		{
			name: 'Idea',
			value: 'idea',
		},
		{
			name: 'Post',
			value: 'post',
		},
		{
			name: 'Research',
			value: 'research',
		},
		{
			name: 'Row',
			value: 'row',
		},
		{
			name: 'Template',
			value: 'template',
		},
		{
			name: 'User',
			value: 'user',
		},
		{
			name: 'Vidsheet (Content Engine)',
			value: 'contentEngine',
		},
		{
			name: 'Workspace',
			value: 'workspace',
		},
	],
	default: 'apiKey',
};

const namesOf = (field: INodeProperties) =>
	(field.options ?? []).map((option) => ('value' in option ? [String(option.value), option.name] : []));

/**
 * The canvas subtitle, e.g. "Get Many: Cell": the saved values looked up in a table of display
 * names built here, so the expression needs no code of its own. Only the editor evaluates it.
 */
function subtitle(): string {
	const resources = Object.fromEntries(namesOf(RESOURCE_FIELD));
	const names: Record<string, string> = {};
	for (const field of RESOURCES.filter((property) => property.name === 'operation')) {
		for (const resource of field.displayOptions?.show?.resource ?? []) {
			for (const [value, name] of namesOf(field)) names[`${String(resource)}.${value}`] = `${name}: ${resources[String(resource)]}`;
		}
	}
	const key = '$parameter["resource"] + "." + $parameter["operation"]';
	return `={{ ${JSON.stringify(names)}[${key}] || $parameter["operation"] + ": " + $parameter["resource"] }}`;
}

export class Gen implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GEN',
		name: 'gen',
		icon: { light: 'file:../../icons/gen.svg', dark: 'file:../../icons/gen.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitle(),
		description:
			'Run GEN (gen.pro) content engines: templates, rows, columns, cells, generations and renders; publish posts; manage API keys; read your user, workspaces (with credits) and agents',
		defaults: {
			name: 'GEN',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: GEN_CREDENTIALS,
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
			AUTHENTICATION_FIELD,
			RESOURCE_FIELD,
			// Each resource's Operation dropdown, then the fields content operations share (declared
			// once), then each operation's own fields: the editor shows them in this order.
			...RESOURCES.filter((property) => property.name === 'operation'),
			...contentFields,
			...RESOURCES.filter((property) => property.name !== 'operation'),
			waitForCompletionField,
			optionsField([...contentOptions, ...researchOptions, ...waitingOptions, ...postOptions, ...contentResourceOptions]),
		],
	};

	methods = {
		loadOptions: {
			getModels,
		},
		listSearch: {
			getAgents,
			getApiKeys,
			getCells,
			getIdeas,
			getColumns,
			getRows,
			getTemplates,
			getWorkspaces,
		},
	};
}
