/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test harness code runs in Node, not inside n8n */
import './env';
import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeProperties } from 'n8n-workflow';
import { resolve } from 'node:path';

import { CredentialTypes } from './credential-types';
import { NodeTypes } from './node-types';

export const repoRoot = resolve(__dirname, '../..');

export interface LoadedNodes {
	packageName: string;
	/** Real path of the package directory. */
	directory: string;
	loader: PackageDirectoryLoader;
	nodeTypes: NodeTypes;
	credentialTypes: CredentialTypes;
}

const cache = new Map<string, Promise<LoadedNodes>>();

/**
 * Loads a community node package the way n8n does: n8n-core's PackageDirectoryLoader reads
 * package.json's `n8n` field and requires the listed dist/ files. Cached per directory (per
 * jest test file, since each has its own module registry); build first (`npm run build`).
 */
export async function loadPackage(dir: string = repoRoot): Promise<LoadedNodes> {
	const key = resolve(dir);
	let loaded = cache.get(key);
	if (!loaded) {
		loaded = load(key);
		cache.set(key, loaded);
		loaded.catch(() => cache.delete(key));
	}
	return await loaded;
}

async function load(dir: string): Promise<LoadedNodes> {
	const loader = new PackageDirectoryLoader(dir);
	await loader.loadAll();
	for (const { type } of Object.values(loader.credentialTypes)) {
		if (type.authenticate !== undefined || type.genericAuth === true) {
			type.properties = withDomainRestrictionFields(type.properties);
		}
	}
	return {
		packageName: loader.packageName,
		directory: loader.directory,
		loader,
		nodeTypes: new NodeTypes(loader),
		credentialTypes: new CredentialTypes(loader),
	};
}

/**
 * The app's LoadNodesAndCredentials.postProcessLoaders adds these two fields to every credential
 * with `authenticate`, so decrypted credential data carries `allowedHttpRequestDomains: 'all'`.
 */
function withDomainRestrictionFields(properties: INodeProperties[]): INodeProperties[] {
	if (properties.some((p) => p.name === 'allowedHttpRequestDomains')) return properties;
	return [
		...properties,
		{
			displayName: 'Allowed HTTP Request Domains',
			name: 'allowedHttpRequestDomains',
			type: 'options',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'Specific Domains', value: 'domains' },
				{ name: 'None', value: 'none' },
			],
			default: 'all',
		},
		{
			displayName: 'Allowed Domains',
			name: 'allowedDomains',
			type: 'string',
			default: '',
			displayOptions: { show: { allowedHttpRequestDomains: ['domains'] } },
		},
	];
}
