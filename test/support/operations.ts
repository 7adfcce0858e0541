import type { IDataObject } from 'n8n-workflow';
import { keyLocator } from './gen';

const AGENT = keyLocator('agent_1');
/** The seeded agent and its content engine 101, for engine-scoped operations. */
const ENGINE_SCOPE = { agentId: AGENT };
const ENGINE = { agentId: AGENT, contentEngineId: keyLocator('101') };

/** An input item with a small PNG as binary data `data` (for Content Resource > Upload). */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGPI1biJFTEMLQkApdVbgZK5WHUAAAAASUVORK5CYII=';
export const IMAGE_ITEM: IDataObject = { __binary: { data: { base64: PNG_BASE64, fileName: 'hero.png', mimeType: 'image/png' } } };
const WITH_IMAGE: { items?: IDataObject[] } = { items: [IMAGE_ITEM] };

/**
 * One run of every operation with the least it needs, and the request it makes on GEN's side
 * (first request, when an operation makes several); a sixth element gives the run its input items.
 */
export const EVERY_OPERATION = [
	['user', 'getCurrent', {}, 'GET', '/v1/me'],
	['apiKey', 'getAll', {}, 'GET', '/v1/persisted_tokens'],
	['apiKey', 'create', { name: 'new' }, 'POST', '/v1/persisted_tokens'],
	['apiKey', 'rename', { apiKeyId: keyLocator('2'), name: 'x' }, 'PATCH', '/v1/persisted_tokens/2'],
	['apiKey', 'revoke', { apiKeyId: keyLocator('2') }, 'DELETE', '/v1/persisted_tokens/2/revoke'],
	['apiKey', 'revokeAll', { confirm: true }, 'DELETE', '/v1/persisted_tokens/revoke_all'],
	['workspace', 'getAll', {}, 'GET', '/v1/workspaces'],
	['agent', 'getAll', {}, 'GET', '/v1/agents'],
	['workspace', 'get', { organizationId: keyLocator('ws_1') }, 'GET', '/v1/organizations/ws_1'],
	['contentEngine', 'create', { ...ENGINE_SCOPE, title: 'new' }, 'POST', '/v1/vidsheet'],
	['contentEngine', 'get', { agentId: AGENT, engineId: keyLocator('101') }, 'GET', '/v1/vidsheet/101'],
	['contentEngine', 'clone', { agentId: AGENT, engineId: keyLocator('101') }, 'POST', '/v1/vidsheet/101/clone'],
	['contentEngine', 'getRunningGenerations', { agentId: AGENT, engineId: keyLocator('101') }, 'GET', '/v1/vidsheet/101/generations'],
	['template', 'getAll', { limit: 5 }, 'GET', '/v1/templates/projects'],
	['template', 'get', { templateSlug: keyLocator('ugc-script-to-video') }, 'GET', '/v1/templates/projects/ugc-script-to-video'],
	[
		'template',
		'clone',
		{ templateSlug: keyLocator('ugc-script-to-video'), targetAgentId: AGENT },
		'POST',
		'/v1/templates/spreadsheets/ugc-script-to-video/clone',
	],
	['row', 'getAll', ENGINE, 'GET', '/v1/vidsheet/101/rows'],
	['row', 'get', { ...ENGINE, rowId: keyLocator('301') }, 'GET', '/v1/vidsheet/101/rows/301'],
	['row', 'create', ENGINE, 'POST', '/v1/vidsheet/101/rows'],
	['row', 'duplicate', { ...ENGINE, rowId: keyLocator('301') }, 'POST', '/v1/vidsheet/101/rows/301/duplicate'],
	['column', 'getAll', ENGINE, 'GET', '/v1/vidsheet/101/columns'],
	['column', 'create', { ...ENGINE, title: 'Caption' }, 'POST', '/v1/vidsheet/101/columns'],
	['cell', 'getAll', ENGINE, 'GET', '/v1/vidsheet/101'],
	['cell', 'get', { ...ENGINE, cellId: keyLocator('4022') }, 'GET', '/v1/vidsheet/101/cells/4022'],
	['cell', 'update', { ...ENGINE, cellId: keyLocator('4022'), value: 'x' }, 'POST', '/v1/vidsheet/actions'],
	[
		'cell',
		'generate',
		{ ...ENGINE, cellId: keyLocator('4022'), generationType: 'text', prompt: 'x', waitForCompletion: false },
		'POST',
		'/v1/vidsheet/101/cells/4022/generate',
	],
	[
		'cell',
		'estimateCredits',
		{ ...ENGINE_SCOPE, generationType: 'text', prompt: 'x' },
		'POST',
		'/v1/user_jobs/estimate',
	],
	['cell', 'render', { ...ENGINE, cellId: keyLocator('4044'), waitForCompletion: false }, 'POST', '/v1/vidsheet/101/cells/4044/render'],
	['generation', 'get', { generationId: '9001' }, 'GET', '/v1/generations/9001'],
	['generation', 'stop', { ...ENGINE_SCOPE, generationId: '9001' }, 'POST', '/v1/generations/9001/stop'],
	['generation', 'continue', { ...ENGINE_SCOPE, generationId: '9001' }, 'POST', '/v1/generations/9001/continue'],
	['generation', 'wait', { generationId: '9001' }, 'GET', '/v1/generations/9001'],
	['contentResource', 'upload', { agentId: AGENT }, 'POST', '/v1/direct_upload', WITH_IMAGE],
	['contentResource', 'importFromUrl', { agentId: AGENT, url: 'https://example.com/clip.mp4' }, 'POST', '/v1/content_resources/from_url'],
	['contentResource', 'get', { agentId: AGENT, contentResourceId: keyLocator('5000') }, 'GET', '/v1/content_resources/5000'],
	['contentResource', 'getAll', { agentId: AGENT }, 'GET', '/v1/content_resources'],
	['contentResource', 'delete', { agentId: AGENT, contentResourceId: keyLocator('5000') }, 'DELETE', '/v1/content_resources/5000'],
	[
		'post',
		'publish',
		{ agentId: AGENT, platforms: ['youtube'] as string[], when: 'now', mediaUrl: 'https://cdn.gen.pro/v.mp4', postTitle: 'x', waitForPublished: false },
		'POST',
		'/v1/schedule/with-post',
	],
	['post', 'get', { postId: '48213' }, 'GET', '/v1/schedule/post/48213'],
	['post', 'getAll', { agentId: AGENT, startDate: '2026-01-01T00:00:00Z', endDate: '2026-01-31T00:00:00Z' }, 'GET', '/v1/schedule/posts'],
	['post', 'update', { postId: '48213', updateFields: { title: 'y' } }, 'PATCH', '/v1/schedule/post/48213'],
	['post', 'delete', { postId: '48213' }, 'DELETE', '/v1/schedule/post/48213'],
] as const;

/** Operations that create something in GEN, and where the 5xx advice tells to look for it. */
export const CREATES: Record<string, string> = {
	'apiKey.create': 'e.g. API Key > Get Many',
	'contentEngine.create': "e.g. in GEN, among the agent's content engines",
	'contentEngine.clone': "e.g. in GEN, among the agent's content engines",
	'template.clone': "e.g. in GEN, among the agent's content engines",
	'cell.generate': 'e.g. Cell > Get shows whether a generation started',
	'cell.render': 'e.g. Cell > Get shows whether a generation started',
	'contentResource.importFromUrl': 'e.g. Content Resource > Get Many',
};

/** Operations that create or charge with an idempotency key: a retry is harmless, and their advice says so. */
export const IDEMPOTENT = ['row.create', 'row.duplicate', 'column.create', 'generation.continue', 'cell.update', 'post.publish'];

const IDEA = { agentId: AGENT, ideaId: keyLocator('501') };

/**
 * One run of every operation on GEN's agent host (ideas, research, agent chat) with the least it
 * needs, and its first request there. Apart from EVERY_OPERATION: these never reach the main API.
 */
export const EVERY_AGENT_HOST_OPERATION = [
	['idea', 'generate', { agentId: AGENT, brief: 'x', requirements: ['short'], waitForCompletion: false }, 'POST', '/v1/ideas/generate'],
	['idea', 'getAll', { agentId: AGENT, statusFilter: 'generated' }, 'GET', '/v1/agent/ideas'],
	['idea', 'get', IDEA, 'GET', '/v1/agent/ideas/501'],
	['idea', 'setStatus', { ...IDEA, ideaStatus: 'rejected' }, 'PUT', '/v1/agent/ideas/501/status/rejected'],
	['idea', 'expand', IDEA, 'POST', '/v1/ideas/501/expand'],
	['idea', 'createVideo', IDEA, 'POST', '/v1/ideas/501/create-video'],
	['idea', 'getJob', { jobId: 'job_1', waitForCompletion: false }, 'GET', '/v1/ideas/jobs/job_1'],
	['research', 'run', { agentId: AGENT, query: 'x', options: { platforms: ['x'], days: 7, resultLimit: 5 }, waitForCompletion: false }, 'POST', '/v1/analyze/research'],
	['research', 'trends', { agentId: AGENT, query: 'x', trendMode: 'keyword', waitForCompletion: false }, 'POST', '/v1/analyze/trends'],
	['research', 'getJob', { jobId: 'job_1', waitForCompletion: false }, 'GET', '/v1/analyze/jobs/job_1'],
	['agentChat', 'ask', { agentId: AGENT, message: 'hi', conversationId: 'c1', waitForCompletion: false }, 'POST', '/v1/agent/run'],
	['agentChat', 'getRun', { runId: 'run_1', waitForCompletion: false }, 'GET', '/v1/agent/runs/run_1'],
	['agentChat', 'approve', { runId: 'run_1' }, 'POST', '/v1/agent/runs/run_1/approve'],
	['agentChat', 'reject', { runId: 'run_1' }, 'POST', '/v1/agent/runs/run_1/approve'],
] as const;
