import type { PackageDirectoryLoader } from 'n8n-core';
import type { ICredentialType } from 'n8n-workflow';

/** The app's CredentialTypes (packages/cli/src/credential-types.ts) over one loaded package. */
export class CredentialTypes {
	constructor(private readonly loader: PackageDirectoryLoader) {}

	recognizes(type: string) {
		return type in this.loader.known.credentials;
	}

	getByName(type: string): ICredentialType {
		return this.loader.getCredential(type).type;
	}

	getSupportedNodes(type: string): string[] {
		const nodes = this.loader.known.credentials[type]?.supportedNodes ?? [];
		return nodes.map((node) => `${this.loader.packageName}.${node}`);
	}

	getParentTypes(type: string): string[] {
		const parents = this.loader.known.credentials[type]?.extends ?? [];
		return [...parents, ...parents.flatMap((parent) => this.getParentTypes(parent))];
	}
}
