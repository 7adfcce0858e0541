import { keyLocator } from './gen';

/** One run of every operation with the least it needs, and the request it makes on GEN's side. */
export const EVERY_OPERATION = [
	['user', 'getCurrent', {}, 'GET', '/v1/me'],
	['apiKey', 'getAll', {}, 'GET', '/v1/persisted_tokens'],
	['apiKey', 'create', { name: 'new' }, 'POST', '/v1/persisted_tokens'],
	['apiKey', 'rename', { apiKeyId: keyLocator('2'), name: 'x' }, 'PATCH', '/v1/persisted_tokens/2'],
	['apiKey', 'revoke', { apiKeyId: keyLocator('2') }, 'DELETE', '/v1/persisted_tokens/2/revoke'],
	['apiKey', 'revokeAll', { confirm: true }, 'DELETE', '/v1/persisted_tokens/revoke_all'],
	['workspace', 'getAll', {}, 'GET', '/v1/workspaces'],
	['agent', 'getAll', {}, 'GET', '/v1/agents'],
] as const;
