import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { idLocator } from '../../shared/descriptions';
import { idValue } from '../../shared/input';

// Every content resource request is scoped to an agent (agent_id): the Agent field and Return All /
// Limit are the content resources' own, declared once in ../content.ts.

const RESOURCE = ['contentResource'];

export const contentResourceFields: INodeProperties[] = [
	idLocator(
		{
			name: 'contentResourceId',
			displayName: 'Content Resource',
			description: 'The content resource, by its ID as GEN shows it (Upload and Get Many output it as id)',
			idPlaceholder: 'e.g. 5012',
		},
		{ resource: RESOURCE, operation: ['get', 'delete'] },
	),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The binary property of the input item that holds the file to upload',
		hint: 'The name of the input binary field containing the file to be uploaded',
		displayOptions: { show: { resource: RESOURCE, operation: ['upload'] } },
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://www.youtube.com/watch?v=…',
		description: 'A YouTube, TikTok or Instagram URL, or the public URL of a file, for GEN to download',
		displayOptions: { show: { resource: RESOURCE, operation: ['importFromUrl'] } },
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: '',
		description: 'Only content resources of this type',
		options: [
			{ name: 'All', value: '' },
			{ name: 'Audio', value: 'audio' },
			{ name: 'Image', value: 'image' },
			{ name: 'Safe Tensors', value: 'safe_tensors' },
			{ name: 'Video', value: 'video' },
			{ name: 'Zip', value: 'zip' },
		],
		displayOptions: { show: { resource: RESOURCE, operation: ['getAll'] } },
	},
];

/** Options of this resource's operations, in the node's one Options collection. */
export const contentResourceOptions: INodeProperties[] = [
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'e.g. product-hero.png',
		description: "The name GEN gives the file. Default: the binary data's file name.",
		displayOptions: { show: { '/resource': RESOURCE, '/operation': ['upload'] } },
	},
	{
		displayName: 'Content Type',
		name: 'contentType',
		type: 'string',
		default: '',
		placeholder: 'e.g. video/mp4',
		description: "The file's MIME type. Default: the binary data's MIME type.",
		displayOptions: { show: { '/resource': RESOURCE, '/operation': ['upload'] } },
	},
	{
		displayName: 'Timeout (Minutes)',
		name: 'timeoutMinutes',
		type: 'number',
		default: 10,
		typeOptions: { minValue: 0 },
		description: "How long to wait for GEN's download of the URL, for all items together",
		displayOptions: { show: { '/resource': RESOURCE, '/operation': ['importFromUrl'] } },
	},
];

/** agent_id, the query of every content resource request. */
export const agentScope = (context: IExecuteSingleFunctions) => ({ agent_id: idValue(context, 'agentId', 'Agent') });
