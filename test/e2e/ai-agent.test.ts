/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets, @typescript-eslint/no-explicit-any -- end-to-end test code: a scripted model server in Node, made-up keys */
/**
 * The GEN node as a tool of n8n's AI Agent, in the real n8n 2.x app, without a real model and
 * without network:
 *
 *   Manual Trigger → AI Agent (@n8n/n8n-nodes-langchain.agent)
 *                      ├─ ai_languageModel: OpenAI Chat Model (lmChatOpenAi, Chat Completions API)
 *                      │    credential openAiApi, Base URL = a scripted chat-completions server here
 *                      └─ ai_tool: GEN tool (n8n-nodes-gen.genTool = the node's usableAsTool
 *                           wrapper), API Key > Get Many, Return All, GEN credential → the sandbox
 *
 * The scripted model answers its first call with a tool call to the GEN tool (whatever name n8n
 * gave it in `tools`) and its second, which carries the tool's result, with a final answer naming
 * the keys it finds in that result. Asserted: the sandbox got GET /v1/persisted_tokens with the
 * credential's X-API-Key, the model saw the keys in the tool message, the agent's output names
 * them, and nothing tried to leave the machine (HTTP(S)_PROXY points at a trap that records any
 * request; NO_PROXY covers 127.0.0.1). A second workflow does the same with a read-only operation
 * of GEN's agent host, Idea > Get Many (Status Generated), and the ideas' titles.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as n8n from '../../scripts/e2e/lib/n8n';
import { nodeItems } from '../../scripts/e2e/lib/run-data';
import { linesToTest, received } from '../../scripts/e2e/lib/suite';
import { startSandbox, type Sandbox } from '../sandbox/server';

const withLine2 = linesToTest().some(({ line }) => line === '2');
const OPENAI_KEY = 'sk-e2e-scripted-model-0001';
const WORKFLOW_ID = 'e2eAiAgentGenTool';
const IDEAS_WORKFLOW_ID = 'e2eAiAgentGenIdeasTool';

interface ChatRequest {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	body: any;
}

/** What the scripted model answers: a tool call first, then a final answer from the tool's result. */
function scriptedReply(body: any): { content?: string; toolCall?: { name: string; arguments: string } } {
	const messages: any[] = body.messages ?? [];
	const toolMessages = messages.filter((message) => message.role === 'tool');
	if (toolMessages.length === 0) {
		const tool = (body.tools ?? []).find((t: any) => t.type === 'function');
		if (!tool) return { content: 'I have no tool to list GEN API keys with.' };
		return { toolCall: { name: tool.function.name, arguments: '{}' } };
	}
	const text = toolMessages.map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content))).join('\n');
	// API keys have a `name`, ideas a `title`: answer with whichever the tool's result carries.
	const field = /\\?"title\\?"\s*:/.test(text) ? 'title' : 'name';
	const names = [...text.matchAll(new RegExp(`\\\\?"${field}\\\\?"\\s*:\\s*\\\\?"([^"\\\\]+)\\\\?"`, 'g'))].map((match) => match[1]);
	return { content: `Your GEN ${field === 'title' ? 'ideas' : 'API keys'}: ${[...new Set(names)].join(', ')}.` };
}

/**
 * A minimal OpenAI Chat Completions server (POST …/chat/completions; JSON or, when the request
 * asks for `stream: true`, server-sent events) that records every request.
 */
async function startScriptedModel() {
	const requests: ChatRequest[] = [];
	let calls = 0;
	const server = http.createServer((req, res) => {
		let raw = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			let body: any;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				body = raw;
			}
			requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
			if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `scripted model: no ${req.method} ${req.url}`, type: 'invalid_request_error' } }));
				return;
			}
			calls++;
			const reply = scriptedReply(body);
			const id = `chatcmpl-e2e-${calls}`;
			const created = Math.floor(Date.now() / 1000);
			const model = body.model ?? 'scripted';
			const usage = { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 };
			const toolCalls = reply.toolCall
				? [{ id: `call_e2e_${calls}`, type: 'function', function: reply.toolCall }]
				: undefined;
			const finishReason = toolCalls ? 'tool_calls' : 'stop';
			if (body.stream) {
				res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
				const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
				const chunk = (delta: object, finish: string | null) => ({
					id,
					object: 'chat.completion.chunk',
					created,
					model,
					choices: [{ index: 0, delta, finish_reason: finish }],
				});
				send(chunk({ role: 'assistant', content: toolCalls ? null : '' }, null));
				if (toolCalls) send(chunk({ tool_calls: toolCalls.map((call, index) => ({ index, ...call })) }, null));
				else send(chunk({ content: reply.content }, null));
				send(chunk({}, finishReason));
				if (body.stream_options?.include_usage) send({ id, object: 'chat.completion.chunk', created, model, choices: [], usage });
				res.end('data: [DONE]\n\n');
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({
					id,
					object: 'chat.completion',
					created,
					model,
					choices: [
						{
							index: 0,
							message: { role: 'assistant', content: toolCalls ? null : reply.content, ...(toolCalls && { tool_calls: toolCalls }) },
							finish_reason: finishReason,
						},
					],
					usage,
				}),
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** An HTTP proxy that refuses and records every request: where n8n would have gone outside. */
async function startProxyTrap() {
	const attempts: string[] = [];
	const server = http.createServer((req, res) => {
		attempts.push(`${req.method} ${req.url}`);
		res.writeHead(502);
		res.end();
	});
	server.on('connect', (req, socket) => {
		attempts.push(`CONNECT ${req.url}`);
		socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		attempts,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** What an agent workflow asks, and the GEN tool it gets for it. */
interface AgentTask {
	id: string;
	name: string;
	prompt: string;
	toolName: string;
	toolParameters: Record<string, unknown>;
}

const KEYS_TASK: AgentTask = {
	id: WORKFLOW_ID,
	name: 'GEN e2e: AI Agent with the GEN tool',
	prompt: 'Which GEN API keys do I have? Use the GEN tool and list their names.',
	toolName: 'List GEN API keys',
	toolParameters: { resource: 'apiKey', operation: 'getAll', returnAll: true },
};

// A read-only operation on GEN's agent host (its own Base URL in the credential).
const IDEAS_TASK: AgentTask = {
	id: IDEAS_WORKFLOW_ID,
	name: 'GEN e2e: AI Agent with the GEN ideas tool',
	prompt: 'Which of my GEN ideas are still to review? Use the GEN tool and list their titles.',
	toolName: 'List GEN ideas to review',
	toolParameters: { resource: 'idea', operation: 'getAll', agentId: { __rl: true, mode: 'id', value: 'agent_1' }, statusFilter: 'generated', returnAll: true },
};

function agentWorkflow(nodeType: string, task: AgentTask) {
	return {
		id: task.id,
		name: task.name,
		nodes: [
			{ id: 'a1e2e000-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'a1e2e000-0000-4000-8000-000000000002',
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [240, 0],
				parameters: {
					promptType: 'define',
					text: task.prompt,
					options: {},
				},
			},
			{
				id: 'a1e2e000-0000-4000-8000-000000000003',
				name: 'Scripted Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [160, 220],
				parameters: {
					model: { __rl: true, mode: 'id', value: 'scripted-e2e-model' },
					// the Chat Completions API (the node's default is OpenAI's Responses API)
					responsesApiEnabled: false,
					options: {},
				},
				credentials: { openAiApi: { id: 'openAiScripted', name: 'Scripted model' } },
			},
			{
				id: 'a1e2e000-0000-4000-8000-000000000004',
				name: task.toolName,
				type: `${nodeType}Tool`,
				typeVersion: 1,
				position: [360, 220],
				parameters: task.toolParameters,
				credentials: { genApi: { id: 'genApiE2e', name: 'GEN account' } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'Scripted Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			[task.toolName]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

afterAll(async () => n8n.stopAll());

(withLine2 ? describe : describe.skip)('n8n 2.x: the GEN node as an AI Agent tool', () => {
	let sandbox: Sandbox;
	let model: Awaited<ReturnType<typeof startScriptedModel>>;
	let trap: Awaited<ReturnType<typeof startProxyTrap>>;
	let app: n8n.N8nInstance;

	beforeAll(async () => {
		sandbox = await startSandbox();
		model = await startScriptedModel();
		trap = await startProxyTrap();
		app = await n8n.createInstance({
			line: '2',
			label: 'ai-agent',
			env: {
				HTTP_PROXY: trap.url,
				HTTPS_PROXY: trap.url,
				ALL_PROXY: trap.url,
				http_proxy: trap.url,
				https_proxy: trap.url,
				NO_PROXY: '127.0.0.1,localhost',
				no_proxy: '127.0.0.1,localhost',
			},
		});
		await app.importCredentials([
			n8n.genApiCredential({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl, agentBaseUrl: sandbox.agent.baseUrl }),
			{ id: 'openAiScripted', name: 'Scripted model', type: 'openAiApi', data: { apiKey: OPENAI_KEY, url: model.baseUrl, header: false } },
		]);
		await app.importWorkflows([agentWorkflow(app.nodeType, KEYS_TASK), agentWorkflow(app.nodeType, IDEAS_TASK)]);
	});

	afterAll(async () => {
		await app?.dispose();
		await sandbox?.close();
		await model?.close();
		await trap?.close();
	});

	test('the agent calls the GEN tool (API Key > Get Many) and answers with the key names', async () => {
		const run = await app.execute(WORKFLOW_ID, { timeoutMs: 180_000 });
		if (!run.ok) throw new Error(`n8n execute failed (exit ${run.code}, signal ${run.signal}):\n${run.stdout.slice(-8000)}\n${run.stderr.slice(-3000)}`);
		expect(run.data.status).toBe('success');

		// GEN: one list call, with the GEN credential's key
		expect(received(sandbox.requests)).toEqual([
			{ method: 'GET', path: '/v1/persisted_tokens', query: {}, apiKey: sandbox.apiKey, authorization: undefined, body: undefined },
		]);

		// the model: asked twice through Chat Completions, with the OpenAI credential's key
		const chats = model.requests.filter((r) => r.path.endsWith('/chat/completions'));
		expect(model.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/chat/completions', 'POST /v1/chat/completions']);
		expect(chats.every((r) => r.headers.authorization === `Bearer ${OPENAI_KEY}`)).toBe(true);
		const [first, second] = chats.map((r) => r.body);
		expect(first.model).toBe('scripted-e2e-model');
		const tools = (first.tools ?? []).map((t: any) => t.function?.name);
		expect(tools).toHaveLength(1);
		expect(JSON.stringify(first.messages)).toContain('Which GEN API keys do I have?');
		// the second call carries the tool call and the GEN tool's result (the sandbox's keys)
		const toolMessage = second.messages.find((m: any) => m.role === 'tool');
		expect(toolMessage).toBeDefined();
		const toolResult = typeof toolMessage.content === 'string' ? toolMessage.content : JSON.stringify(toolMessage.content);
		for (const name of ['n8n-production', 'CI Pipeline', 'old-laptop']) expect(toolResult).toContain(name);
		expect(second.messages.some((m: any) => m.role === 'assistant' && m.tool_calls?.[0]?.function?.name === tools[0])).toBe(true);

		// the agent's answer uses the tool's result
		const [answer] = nodeItems(run.data, 'AI Agent');
		expect(answer.output).toContain('n8n-production');
		expect(answer.output).toContain('CI Pipeline');
		expect(answer.output).toBe(
			'Your GEN API keys: n8n-production, CI Pipeline, old-laptop, claude-code, never-used, rotation-2026-01-01.',
		);

		// nothing went anywhere else
		expect(trap.attempts).toEqual([]);
	});

	test('the agent calls the GEN tool on the agent host (Idea > Get Many) and answers with the ideas to review', async () => {
		sandbox.reset();
		model.requests.length = 0;
		const run = await app.execute(IDEAS_WORKFLOW_ID, { timeoutMs: 180_000 });
		if (!run.ok) throw new Error(`n8n execute failed (exit ${run.code}, signal ${run.signal}):\n${run.stdout.slice(-8000)}\n${run.stderr.slice(-3000)}`);

		// GEN's agent host: one list call with the key; the main API: none
		expect(sandbox.agent.requests.map((r) => [r.method, r.url, r.headers['x-api-key'] === sandbox.apiKey])).toEqual([
			['GET', '/v1/agent/ideas?agent_id=agent_1&status=generated', true],
		]);
		expect(sandbox.requests).toEqual([]);

		const [, second] = model.requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body);
		const toolMessage = second.messages.find((m: any) => m.role === 'tool');
		const toolResult = typeof toolMessage.content === 'string' ? toolMessage.content : JSON.stringify(toolMessage.content);
		expect(toolResult).toContain('Watch what happens in 7 days');
		expect(toolResult).not.toContain('Why Your SPF Fails');
		const [answer] = nodeItems(run.data, 'AI Agent');
		expect(answer.output).toBe('Your GEN ideas: Before & After Glow Up, Three Mistakes Dermatologists See.');
		expect(trap.attempts).toEqual([]);
	});
});
