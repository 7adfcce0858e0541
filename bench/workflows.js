// @ts-check
'use strict';

/**
 * Workflows of `npm run bench`. Every one starts with a Webhook (production, published) that
 * answers when the last node is done (except the throughput one), so one HTTP call = one finished
 * execution. The node under
 * measurement is always named "Measured"; its `executionTime` in the run data is the number.
 */

const GEN_CREDENTIAL = { id: 'benchGenApi0001', name: 'GEN (bench)' };
const HEADER_CREDENTIAL = { id: 'benchHeader0001', name: 'GEN X-API-Key header (bench)' };

/**
 * @param {{ apiKey: string, baseUrl: string }} sandbox
 */
function credentials(sandbox) {
	return [
		{ ...GEN_CREDENTIAL, type: 'genApi', data: { apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl } },
		// What GEN's own n8n guide tells users to set up for the HTTP Request node.
		{ ...HEADER_CREDENTIAL, type: 'httpHeaderAuth', data: { name: 'X-API-Key', value: sandbox.apiKey } },
	];
}

/** @param {string} id @param {string} path @param {'lastNode' | 'onReceived'} responseMode */
function webhook(id, path, responseMode) {
	return {
		id: 'webhook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `bench-${id}`,
		parameters: { httpMethod: 'POST', path, responseMode, ...(responseMode === 'lastNode' && { responseData: 'noData' }) },
	};
}

/** The webhook's body `{items: [{id, name}, …]}` becomes one item per entry (no Code node). */
const splitOut = {
	id: 'split',
	name: 'Items',
	type: 'n8n-nodes-base.splitOut',
	typeVersion: 1,
	position: [200, 0],
	parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
};

/**
 * @param {string} id @param {string} path @param {object} measured @param {boolean} withItems
 * @param {'lastNode' | 'onReceived'} [responseMode]
 */
function workflow(id, path, measured, withItems, responseMode = 'lastNode') {
	const nodes = [webhook(id, path, responseMode), ...(withItems ? [splitOut] : []), { id: 'measured', name: 'Measured', position: [400, 0], ...measured }];
	const chain = nodes.map((node) => node.name);
	/** @type {Record<string, any>} */
	const connections = {};
	for (let i = 0; i < chain.length - 1; i++) {
		connections[chain[i]] = { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] };
	}
	return { id, name: `bench ${path}`, settings: { executionOrder: 'v1' }, nodes, connections };
}

/**
 * Parameters of the GEN ways `npm run bench` measures, with the input item each run's items look
 * like (bench/evaluations.js counts their evaluations per item through n8n-core with these).
 * @param {{ maxInFlight?: number }} [options]
 */
function benchGenParameters({ maxInFlight } = {}) {
	const bound = maxInFlight === undefined ? {} : { options: { maxInFlight } };
	const item = { id: 1001, name: 'bench-1' };
	return {
		renameDefineBelow: {
			parameters: { resource: 'apiKey', operation: 'rename', apiKeyId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, name: '={{ $json.name }}', ...bound },
			item,
		},
		renameAutoMap: { parameters: { resource: 'apiKey', operation: 'rename', mapping: 'autoMapInputData', ...bound }, item },
		revokeDefineBelow: {
			parameters: { resource: 'apiKey', operation: 'revoke', apiKeyId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, ...bound },
			item: { id: 1001 },
		},
		revokeAutoMap: { parameters: { resource: 'apiKey', operation: 'revoke', mapping: 'autoMapInputData', ...bound }, item: { id: 1001 } },
		list: { parameters: { resource: 'apiKey', operation: 'getAll', returnAll: true }, item: {} },
	};
}

/**
 * @param {string} genType  node type of the installed GEN node (n8n-nodes-gen.gen)
 * @param {string} baseUrl  sandbox base URL (…/v1)
 */
function workflows(genType, baseUrl) {
	const gen = { type: genType, typeVersion: 1, credentials: { genApi: GEN_CREDENTIAL } };
	const http = {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		credentials: { httpHeaderAuth: HEADER_CREDENTIAL },
	};
	const httpAuth = { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' };
	const p = benchGenParameters();
	/** GEN's rename with Options > Max Requests at Once (concurrency part; 1,000 = no bound for 1,000 items). */
	const renameBounded = (/** @type {number} */ maxInFlight) => ({ ...gen, parameters: benchGenParameters({ maxInFlight }).renameDefineBelow.parameters });
	return {
		renameGen: workflow('benchRenameGen1', 'bench-rename-gen', { ...gen, parameters: p.renameDefineBelow.parameters }, true),
		renameGenAuto: workflow('benchRenameGenA', 'bench-rename-gen-auto', { ...gen, parameters: p.renameAutoMap.parameters }, true),
		renameHttp: workflow('benchRenameHtt1', 'bench-rename-http', {
			...http,
			parameters: {
				method: 'PATCH',
				url: `={{ "${baseUrl}/persisted_tokens/" + $json.id }}`,
				...httpAuth,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ persisted_token: { name: $json.name } }) }}',
				options: {},
			},
		}, true),
		renameGen50: workflow('benchRenameGen5', 'bench-rename-gen-50', renameBounded(50), true),
		renameGenUnbounded: workflow('benchRenameGenU', 'bench-rename-gen-unbounded', renameBounded(1000), true),
		revokeGen: workflow('benchRevokeGen1', 'bench-revoke-gen', { ...gen, parameters: p.revokeDefineBelow.parameters }, true),
		revokeGenAuto: workflow('benchRevokeGenA', 'bench-revoke-gen-auto', { ...gen, parameters: p.revokeAutoMap.parameters }, true),
		revokeHttp: workflow('benchRevokeHtt1', 'bench-revoke-http', {
			...http,
			parameters: { method: 'DELETE', url: `={{ "${baseUrl}/persisted_tokens/" + $json.id + "/revoke" }}`, ...httpAuth, options: {} },
		}, true),
		listGen: workflow('benchListGen001', 'bench-list-gen', { ...gen, parameters: p.list.parameters }, false),
		listHttp: workflow('benchListHttp01', 'bench-list-http', {
			...http,
			parameters: { method: 'GET', url: `${baseUrl}/persisted_tokens`, ...httpAuth, options: {} },
		}, false),
		// throughput: one small GEN request per execution; the webhook answers at once (in queue
		// mode: once the job is enqueued), the bench reads the finished executions back
		me: workflow('benchQueueMe001', 'bench-me', { ...gen, parameters: { resource: 'user', operation: 'getCurrent' } }, false, 'onReceived'),
	};
}

/**
 * bench/cells.js: 500 cell updates from 500 items `{cell, text}` — the GEN node (Cell > Update,
 * batched) vs the HTTP Request node, one PATCH per item.
 * @param {string} genType @param {string} baseUrl
 */
function cellWorkflows(genType, baseUrl) {
	/** @param {string} id @param {string} hookPath @param {string} cell @param {string} text */
	const gen = (id, hookPath, cell, text) =>
		workflow(id, hookPath, {
			type: genType,
			typeVersion: 1,
			credentials: { genApi: GEN_CREDENTIAL },
			parameters: {
				resource: 'cell',
				operation: 'update',
				agentId: { __rl: true, mode: 'id', value: 'agent_1' },
				contentEngineId: { __rl: true, mode: 'id', value: '101' },
				cellId: { __rl: true, mode: 'id', value: cell },
				value: text,
			},
		}, true);
	return {
		gen: gen('benchCellsGen01', 'bench-cells-gen', '={{ $json.cell }}', '={{ $json.text }}'),
		// The same values through expressions the node evaluates itself (as it did every expression before it read `$json.x` from the item).
		genEvaluated: gen('benchCellsGenEv', 'bench-cells-gen-evaluated', '={{ $json["cell"] }}', '={{ $json["text"] }}'),
		http: workflow('benchCellsHttp1', 'bench-cells-http', {
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.5,
			credentials: { httpHeaderAuth: HEADER_CREDENTIAL },
			parameters: {
				method: 'PATCH',
				url: `={{ "${baseUrl}/vidsheet/101/cells/" + $json.cell + "?agent_id=agent_1" }}`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpHeaderAuth',
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ spreadsheet_cell: { value: $json.text } }) }}',
				options: {},
			},
		}, true),
	};
}

module.exports = { credentials, workflows, cellWorkflows, benchGenParameters };
