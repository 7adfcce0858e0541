/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- end-to-end test code runs in Node, not inside n8n */
/**
 * GEN and GEN Trigger in the real n8n editor, driven by a real (headless) Chromium, for each n8n line
 * (N8N_E2E_LINES): owner setup → new workflow → node panel search "GEN" →
 * - (n8n 2.x) API Key › Rename → the API Key picker (resource locator, "From list" mode) lists the
 *   sandbox's keys through the `getApiKeys` listSearch method, with the imported "GEN sandbox"
 *   credential; the canvas subtitle, the new-credential dialog, two error panels;
 * - (both lines) GEN Trigger: the Event dropdown offers the four events, each event shows its own
 *   fields, the Agent picker lists the sandbox's agents through the credential.
 *
 * Needs Debian's `chromium` (`.ci/chromium.sh`; or CHROMIUM_PATH=…); browsers are never downloaded.
 * Screenshots of every step go to .cache/screenshots/editor/<n8n version>/ (git-ignored).
 * N8N_E2E_DOCS_SCREENSHOT=1 also rewrites docs/editor-key-picker.png (the README's picture).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, selectors, type Browser, type Page } from 'playwright-core';
import * as n8n from '../../scripts/e2e/lib/n8n';
import { linesToTest } from '../../scripts/e2e/lib/suite';
import { editor, STEP_MS } from './editor';
import { startSandbox, type Sandbox } from '../sandbox/server';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
];
const SHOTS = path.join(n8n.repoRoot, '.cache/screenshots/editor');
const DOCS_SHOT = path.join(n8n.repoRoot, 'docs/editor-key-picker.png');
const CREDENTIAL_NAME = 'GEN sandbox';
const WRONG_JWT_CREDENTIAL = { id: 'genWrongJwtBrowser', name: 'GEN expired JWT' };

/** Manual trigger → one GEN node: workflows whose run fails, for the error panel. */
function failingWorkflow(id: string, nodeName: string, parameters: Record<string, unknown>, credentials: Record<string, { id: string; name: string }>) {
	return {
		id,
		name: `GEN browser: ${nodeName}`,
		nodes: [
			{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: `${id}-gen`, name: nodeName, type: 'n8n-nodes-gen.gen', typeVersion: 1, position: [220, 0], parameters, credentials },
		],
		connections: { Start: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** n8n's frontend marks its elements with data-test-id (not Playwright's default data-testid). */
selectors.setTestIdAttribute('data-test-id');

describe.each(linesToTest())('GEN and GEN Trigger in the n8n $version editor (line $line, Chromium)', ({ line, version }) => {
	// The GEN node's editor steps (and the README's picture) are checked in n8n 2.x; GEN Trigger's in both lines.
	const itOn2 = line === '2' ? it : it.skip;
	const shots = path.join(SHOTS, version);
	let sandbox: Sandbox | undefined;
	let app: n8n.N8nInstance | undefined;
	let browser: Browser | undefined;
	let page: Page;
	let baseUrl = '';
	const blocked: string[] = [];
	const pageErrors: string[] = [];
	const timings: Array<[string, number]> = [];
	let shotIndex = 0;
	const { byTestId, expectText, expectParameters, openOptions, openPackageEntry, useCredential, pickerClip, canvasNode } = editor(() => page);

	async function shot(name: string): Promise<string> {
		const file = path.join(shots, `${String(++shotIndex).padStart(2, '0')}-${name}.png`);
		await page.screenshot({ path: file });
		return file;
	}

	/** One user-visible step: timed, screenshot afterwards, and named in the error when it fails. */
	async function step(name: string, action: () => Promise<void>): Promise<void> {
		const started = Date.now();
		try {
			await action();
		} catch (error) {
			const file = await shot(`FAILED-${name}`).catch(() => '(no screenshot)');
			const message = error instanceof Error ? error.message : String(error);
			throw new Error(`step "${name}" failed: ${message}\nscreenshot: ${file}\nurl: ${page.url()}`);
		}
		timings.push([name, Date.now() - started]);
		await shot(name);
	}

	beforeAll(async () => {
		if (!fs.existsSync(CHROMIUM)) {
			throw new Error(`no Chromium at ${CHROMIUM}: install Debian's package (bash .ci/chromium.sh) or set CHROMIUM_PATH`);
		}
		fs.rmSync(shots, { recursive: true, force: true });
		fs.mkdirSync(shots, { recursive: true });

		const started = Date.now();
		sandbox = await startSandbox({ port: 0 });
		app = await n8n.createInstance({ line, label: `browser-${line}` });
		await app.importCredentials([
			n8n.genApiCredential({
				id: 'genSandboxBrowser',
				name: CREDENTIAL_NAME,
				apiKey: sandbox.apiKey,
				baseUrl: sandbox.baseUrl,
			}),
			n8n.genJwtCredential({ ...WRONG_JWT_CREDENTIAL, token: 'eyJhbGciOiJIUzI1NiJ9.e30.expired', baseUrl: sandbox.baseUrl }),
		]);
		// The error panels' workflows (n8n 2.x's steps).
		if (line === '2') {
			await app.importWorkflows([
				failingWorkflow('browserWrongJwt', 'Who am I', { authentication: 'jwt', resource: 'user', operation: 'getCurrent' }, {
					genJwtApi: WRONG_JWT_CREDENTIAL,
				}),
				failingWorkflow('browserRefused', 'Revoke all keys', { resource: 'apiKey', operation: 'revokeAll', confirm: false }, {
					genApi: { id: 'genSandboxBrowser', name: CREDENTIAL_NAME },
				}),
			]);
		}
		const server = await app.start();
		baseUrl = server.url;
		timings.push(['n8n install check, package install, credential import, start', Date.now() - started]);

		browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, timeout: 60_000 });
		// A new context = a new, empty profile (Playwright gives Chromium a fresh --user-data-dir).
		const context = await browser.newContext({
			viewport: { width: 1440, height: 900 },
			deviceScaleFactor: process.env.N8N_E2E_DOCS_SCREENSHOT === '1' ? 2 : 1,
		});
		// Keep the editor local: it asks e.g. registry.npmjs.org about community packages.
		await context.route(
			(url) => !['127.0.0.1', 'localhost'].includes(url.hostname) && /^(https?|wss?):$/.test(url.protocol),
			async (route) => {
				blocked.push(route.request().url());
				await route.abort();
			},
		);
		page = await context.newPage();
		page.setDefaultTimeout(STEP_MS);
		page.on('pageerror', (error) => pageErrors.push(error.message));
	}, 15 * 60_000);

	afterAll(async () => {
		await browser?.close().catch(() => undefined);
		await app?.dispose();
		await sandbox?.close();
		if (timings.length > 0) {
			// eslint-disable-next-line no-console
			console.log(
				`n8n ${version} editor steps (ms):\n${timings.map(([name, ms]) => `  ${name}: ${ms}`).join('\n')}\n` +
					`screenshots: ${shots}\nblocked outside requests: ${blocked.length}` +
					(pageErrors.length > 0 ? `\npage errors: ${pageErrors.join(' | ')}` : ''),
			);
		}
	});

	it('opens the editor: owner setup, a new workflow', async () => {
		const owner = { email: 'owner@example.com', firstName: 'Browser', lastName: 'Owner', password: 'Browser-Test-123' };

		await step('owner-setup', async () => {
			await page.goto(`${baseUrl}/`);
			await page.waitForURL(/\/setup/);
			const form = byTestId('setup-form');
			await form.waitFor();
			// n8n 2.x gives the inputs ids of their names, n8n 1.x generated ids: both have the name.
			for (const [name, value] of Object.entries(owner)) await form.locator(`input[name="${name}"]`).fill(value);
			await byTestId('form-submit-button').click();
			await page.waitForURL((url) => !url.pathname.startsWith('/setup'));
		});

		await step('new-workflow', async () => {
			await page.goto(`${baseUrl}/workflow/new`);
			await byTestId('canvas-add-button').waitFor({ state: 'visible' });
		});
	});

	itOn2('adds the GEN node, picks API Key › Rename and lists the sandbox keys in the API Key picker', async () => {
		await step('gen-actions', async () => {
			// On an empty canvas the panel shows GEN Trigger's events first and folds the actions.
			await openPackageEntry('Actions', 'Rename an API key');
			// The node's actions, grouped by resource: "API Key Actions" › "Rename an API key".
			await page.getByText('API Key Actions', { exact: true }).waitFor({ state: 'visible' });
		});

		await step('node-added', async () => {
			await byTestId('node-creator-item-name').getByText('Rename an API key', { exact: true }).click();
			const ndv = byTestId('ndv');
			await ndv.waitFor({ state: 'visible' });
			// Resource and Operation show what the action chose; the credential is the sandbox one.
			await expectText(byTestId('parameter-input-resource').locator('input'), 'API Key');
			await expectText(byTestId('parameter-input-operation').locator('input'), 'Rename');
			await useCredential(CREDENTIAL_NAME);
			await byTestId('resource-locator-apiKeyId').waitFor({ state: 'visible' });
		});

		await step('key-picker', async () => {
			sandbox!.clearRequests();
			await byTestId('resource-locator-apiKeyId').getByTestId('rlc-input').click();
			const items = byTestId('rlc-item');
			for (const label of [
				'n8n-production (1, active)',
				'CI Pipeline (2, active)',
				'old-laptop (3, expired)',
				'claude-code (4, revoked)',
				'never-used (5, active)',
				'rotation-2026-01-01 (6, active)',
			]) {
				await items.filter({ hasText: label }).first().waitFor({ state: 'visible' });
			}
			expect(await items.count()).toBe(6);
			// The list came from the sandbox, through the credential.
			const listCalls = sandbox!.requests.filter((r) => r.method === 'GET' && r.path === '/v1/persisted_tokens');
			expect(listCalls.length).toBeGreaterThanOrEqual(1);
			expect(listCalls[0].headers['x-api-key']).toBe(sandbox!.apiKey);
		});
		// The README's picture: the parameters column with the open key picker (written on request only).
		const clip = await pickerClip();
		await page.screenshot({ path: path.join(shots, 'key-picker-panel.png'), clip });
		if (process.env.N8N_E2E_DOCS_SCREENSHOT === '1') {
			fs.mkdirSync(path.dirname(DOCS_SHOT), { recursive: true });
			await page.screenshot({ path: DOCS_SHOT, clip });
		}

		await step('key-picker-search', async () => {
			await byTestId('rlc-search').fill('laptop');
			await byTestId('rlc-item').filter({ hasText: 'CI Pipeline (2, active)' }).waitFor({ state: 'hidden' });
			await byTestId('rlc-item').filter({ hasText: 'old-laptop (3, expired)' }).waitFor({ state: 'visible' });
			expect(await byTestId('rlc-item').count()).toBe(1);
		});

		await step('key-picked', async () => {
			await byTestId('rlc-item').filter({ hasText: 'old-laptop (3, expired)' }).click();
			await expectText(byTestId('resource-locator-apiKeyId').getByTestId('rlc-input'), 'old-laptop (3, expired)');
		});
	});

	itOn2("shows display names in the node's subtitle on the canvas", async () => {
		await step('canvas-subtitle', async () => {
			await page.keyboard.press('Escape');
			await byTestId('ndv').waitFor({ state: 'hidden' });
			await canvasNode('Rename an API key').getByText('Rename: API Key', { exact: true }).waitFor({ state: 'visible' });
		});
	});

	itOn2('offers exactly API Key and JWT where a new GEN credential is set up (n8n 2.x: the new-credential dialog)', async () => {
		await step('reopen-node', async () => {
			await canvasNode('Rename an API key').dblclick();
			await byTestId('ndv').waitFor({ state: 'visible' });
		});
		await step('credential-select-open', async () => {
			await byTestId('node-credentials-select').click();
			await byTestId('node-credentials-select-item-new').waitFor({ state: 'visible' });
		});
		await step('new-credential-dialog', async () => {
			await byTestId('node-credentials-select-item-new').click();
			await byTestId('editCredential-modal').waitFor({ state: 'visible' });
			await expectText(byTestId('editCredential-modal').getByTestId('credential-mode-dropdown-trigger'), 'API Key', 'text');
		});
		await step('authentication-choices', async () => {
			await byTestId('credential-mode-dropdown-trigger').click();
			const menu = page.getByRole('menuitem').filter({ visible: true });
			await menu.first().waitFor({ state: 'visible' });
			// The editor's page also holds an empty, unlabelled menu item outside this dropdown.
			const labels = (await menu.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
			expect(labels).toEqual(['API Key', 'JWT']);
		});
		await step('jwt-chosen', async () => {
			await page.getByRole('menuitem').filter({ hasText: 'JWT' }).click();
			// The dialog now sets up a GEN JWT API credential: its JWT field, no API Key field.
			const modal = byTestId('editCredential-modal');
			await modal.getByText('GEN JWT API', { exact: true }).waitFor({ state: 'visible' });
			await modal.getByText('JWT', { exact: true }).first().waitFor({ state: 'visible' });
			expect(await modal.getByText('API Key *').count()).toBe(0);
		});
		await page.keyboard.press('Escape');
	});

	it("adds GEN Trigger: the Event dropdown offers the four events, each shows its own fields, the Agent picker lists the sandbox's agents", async () => {
		await step('trigger-events-in-panel', async () => {
			// n8n 2.x comes here from the GEN node's dialogs: back to the canvas first.
			await page.keyboard.press('Escape');
			await byTestId('ndv').waitFor({ state: 'hidden' });
			// The panel lists a trigger's events as its entries: "On <event>".
			await openPackageEntry('Triggers', 'On idea reached status');
			for (const item of ['On new idea', 'On cell content ready', 'On post outcome']) {
				await byTestId('node-creator-item-name').getByText(item, { exact: true }).waitFor({ state: 'visible' });
			}
		});

		await step('trigger-added', async () => {
			await byTestId('node-creator-item-name').getByText('On idea reached status', { exact: true }).click();
			await byTestId('ndv').waitFor({ state: 'visible' });
			await expectText(byTestId('parameter-input-event').locator('input'), 'Idea Reached Status');
			// Authentication is no parameter here: n8n asks for it where a credential is created.
			await useCredential(CREDENTIAL_NAME);
			// Poll Times' Mode, then the event and its fields.
			await expectParameters(['mode', 'event', 'agentId', 'status']);
		});

		await step('trigger-event-choices', async () => {
			await byTestId('parameter-input-event').click();
			expect(await openOptions()).toEqual(['Idea Reached Status', 'New Idea', 'Cell Content Ready', 'Post Outcome']);
		});

		await step('trigger-post-outcome', async () => {
			await page.getByRole('option').filter({ visible: true }).filter({ hasText: 'Post Outcome' }).click();
			await expectText(byTestId('parameter-input-event').locator('input'), 'Post Outcome');
			// Agent stays; Idea Reached Status's Status goes; Platforms and Outcome come.
			await expectParameters(['mode', 'event', 'agentId', 'platforms', 'outcome']);
		});

		await step('trigger-agent-picker', async () => {
			sandbox!.clearRequests();
			await byTestId('resource-locator-agentId').getByTestId('rlc-input').click();
			const items = byTestId('rlc-item');
			for (const label of ['Brand Voice (agent_1)', 'Launch Campaign (agent_2)', 'Outbound SDR (agent_3)', 'Deal Desk (agent_4)']) {
				await items.filter({ hasText: label }).first().waitFor({ state: 'visible' });
			}
			expect(await items.count()).toBe(4);
			// The list came from the sandbox, through the credential.
			const listCalls = sandbox!.requests.filter((r) => r.method === 'GET' && r.path === '/v1/agents');
			expect(listCalls.length).toBeGreaterThanOrEqual(1);
			expect(listCalls[0].headers['x-api-key']).toBe(sandbox!.apiKey);
		});
		await page.screenshot({ path: path.join(shots, 'trigger-agent-picker-panel.png'), clip: await pickerClip() });
	});

	itOn2.each([
		['browserWrongJwt', 'Who am I', 'GEN API error 401: Invalid or missing API key [unauthorized]', ['Error code', '401', 'unauthorized']],
		['browserRefused', 'Revoke all keys', 'Revoke All was not confirmed', []],
	])('error panel of %s: GEN\'s errors under "From GEN" with its status and code, the node\'s own not', async (id, name, message, fromGen) => {
		await step(`open-${id}`, async () => {
			await page.goto(`${baseUrl}/workflow/${id}`);
			await byTestId('execute-workflow-button').waitFor({ state: 'visible' });
		});
		await step(`run-${id}`, async () => {
			await byTestId('execute-workflow-button').click();
			await page.getByText(message).first().waitFor({ state: 'visible' });
		});
		await step(`error-panel-${id}`, async () => {
			await canvasNode(name).dblclick();
			const ndv = byTestId('ndv');
			await ndv.waitFor({ state: 'visible' });
			await byTestId('node-error-message').first().waitFor({ state: 'visible' });
			const summaries = ndv.locator('details > summary');
			for (let i = 0; i < (await summaries.count()); i++) await summaries.nth(i).click();
		});
		const text = await byTestId('ndv').innerText();
		expect(text).toContain(message);
		if (fromGen.length === 0) {
			expect(text).not.toContain('From GEN');
			expect(text).not.toContain('Error code');
		} else {
			const section = text.slice(text.indexOf('From GEN'));
			for (const expected of fromGen) expect(section).toContain(expected);
			expect(section).not.toMatch(/Error code\s+none/);
		}
	});
});
