// Types for package.js (its JSDoc is the source of truth).

export declare const PACKAGE_NAME: string;
/** 'n8n-nodes-gen.gen' */
export declare const NODE_TYPE: string;
export declare function packPackage(options?: { force?: boolean }): Promise<string>;
export declare function createUserFolder(label?: string): string;
export declare function installPackageTarball(userFolder: string, tarball: string): Promise<string>;
