/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- end-to-end test code runs in Node, not inside n8n */
/**
 * The GEN node in the real n8n editor, driven by a real (headless) Chromium:
 * owner setup → new workflow → nodes panel search "GEN" → API Key › Rename → the API Key picker
 * (resource locator, "From list" mode) lists the sandbox's keys through the `getApiKeys` listSearch
 * method, with the imported "GEN sandbox" credential.
 *
 * Needs Debian's `chromium` (`.ci/chromium.sh`; or CHROMIUM_PATH=…); browsers are never downloaded.
 * Screenshots of every step go to .cache/screenshots/editor/ (git-ignored).
 * N8N_E2E_DOCS_SCREENSHOT=1 also rewrites docs/editor-key-picker.png (the README's picture).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, selectors, type Browser, type Locator, type Page } from 'playwright-core';
import * as n8n from '../../scripts/e2e/lib/n8n';
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

/** Longest wait for one UI step (the first editor load compiles a lot of JS on 2 cores). */
const STEP_MS = 45_000;

/** n8n's frontend marks its elements with data-test-id (not Playwright's default data-testid). */
selectors.setTestIdAttribute('data-test-id');

describe('GEN node in the n8n 2.x editor (Chromium)', () => {
	let sandbox: Sandbox | undefined;
	let app: n8n.N8nInstance | undefined;
	let browser: Browser | undefined;
	let page: Page;
	let baseUrl = '';
	const blocked: string[] = [];
	const pageErrors: string[] = [];
	const timings: Array<[string, number]> = [];
	let shotIndex = 0;

	async function shot(name: string): Promise<string> {
		const file = path.join(SHOTS, `${String(++shotIndex).padStart(2, '0')}-${name}.png`);
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

	const byTestId = (id: string): Locator => page.getByTestId(id);

	beforeAll(async () => {
		if (!fs.existsSync(CHROMIUM)) {
			throw new Error(`no Chromium at ${CHROMIUM}: install Debian's package (bash .ci/chromium.sh) or set CHROMIUM_PATH`);
		}
		fs.rmSync(SHOTS, { recursive: true, force: true });
		fs.mkdirSync(SHOTS, { recursive: true });

		const started = Date.now();
		sandbox = await startSandbox({ port: 0 });
		app = await n8n.createInstance({ line: '2', label: 'browser' });
		await app.importCredentials([
			n8n.genApiCredential({
				id: 'genSandboxBrowser',
				name: CREDENTIAL_NAME,
				apiKey: sandbox.apiKey,
				baseUrl: sandbox.baseUrl,
			}),
			n8n.genJwtCredential({ ...WRONG_JWT_CREDENTIAL, token: 'eyJhbGciOiJIUzI1NiJ9.e30.expired', baseUrl: sandbox.baseUrl }),
		]);
		await app.importWorkflows([
			failingWorkflow('browserWrongJwt', 'Who am I', { authentication: 'jwt', resource: 'user', operation: 'getCurrent' }, {
				genJwtApi: WRONG_JWT_CREDENTIAL,
			}),
			failingWorkflow('browserRefused', 'Revoke all keys', { resource: 'apiKey', operation: 'revokeAll', confirm: false }, {
				genApi: { id: 'genSandboxBrowser', name: CREDENTIAL_NAME },
			}),
		]);
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
				`editor steps (ms):\n${timings.map(([name, ms]) => `  ${name}: ${ms}`).join('\n')}\n` +
					`screenshots: ${SHOTS}\nblocked outside requests: ${blocked.length}` +
					(pageErrors.length > 0 ? `\npage errors: ${pageErrors.join(' | ')}` : ''),
			);
		}
	});

	it('adds the GEN node, picks API Key › Rename and lists the sandbox keys in the API Key picker', async () => {
		const owner = { email: 'owner@example.com', firstName: 'Browser', lastName: 'Owner', password: 'Browser-Test-123' };

		await step('owner-setup', async () => {
			await page.goto(`${baseUrl}/`);
			await page.waitForURL(/\/setup/);
			await byTestId('setup-form').waitFor();
			await page.locator('#email').fill(owner.email);
			await page.locator('#firstName').fill(owner.firstName);
			await page.locator('#lastName').fill(owner.lastName);
			await page.locator('#password').fill(owner.password);
			await byTestId('form-submit-button').click();
			await page.waitForURL((url) => !url.pathname.startsWith('/setup'));
		});

		await step('new-workflow', async () => {
			await page.goto(`${baseUrl}/workflow/new`);
			await byTestId('canvas-add-button').waitFor({ state: 'visible' });
		});

		await step('search-gen', async () => {
			await byTestId('canvas-plus-button').click();
			const search = byTestId('node-creator-search-bar');
			await search.waitFor({ state: 'visible' });
			await search.fill('GEN');
			await byTestId('node-creator-item-name').getByText('GEN', { exact: true }).waitFor({ state: 'visible' });
		});

		await step('gen-actions', async () => {
			await byTestId('node-creator-item-name').getByText('GEN', { exact: true }).click();
			// The package has GEN and GEN Trigger: n8n lists them as one entry, and on an empty canvas
			// it shows the triggers first with the actions folded ("Actions (N)"): unfold them.
			const apiKeyActions = page.getByText('API Key Actions', { exact: true });
			const folded = page.getByText(/^Actions \(\d+\)$/);
			await apiKeyActions.or(folded).first().waitFor({ state: 'visible' });
			if (!(await apiKeyActions.isVisible())) await folded.first().click();
			// The node's actions, grouped by resource: "API Key Actions" › "Rename an API key".
			await apiKeyActions.waitFor({ state: 'visible' });
			await byTestId('node-creator-item-name').getByText('Rename an API key', { exact: true }).waitFor({ state: 'visible' });
		});

		await step('node-added', async () => {
			await byTestId('node-creator-item-name').getByText('Rename an API key', { exact: true }).click();
			const ndv = byTestId('ndv');
			await ndv.waitFor({ state: 'visible' });
			// Resource and Operation show what the action chose; the only genApi credential is selected.
			await expectText(byTestId('parameter-input-resource').locator('input'), 'API Key');
			await expectText(byTestId('parameter-input-operation').locator('input'), 'Rename');
			// n8n 2.x preselects one credential of either GEN type (the JWT one sets Authentication to JWT).
			const credential = byTestId('node-credentials-select');
			if ((await credential.locator('input').first().inputValue()) !== CREDENTIAL_NAME) {
				await credential.click();
				await page.locator('[data-test-id^="node-credentials-select-item-"]').filter({ hasText: CREDENTIAL_NAME }).first().click();
			}
			await expectText(credential.locator('input'), CREDENTIAL_NAME);
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
		await page.screenshot({ path: path.join(SHOTS, 'key-picker-panel.png'), clip });
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

	it("shows display names in the node's subtitle on the canvas", async () => {
		await step('canvas-subtitle', async () => {
			await page.keyboard.press('Escape');
			await byTestId('ndv').waitFor({ state: 'hidden' });
			await canvasNode('Rename an API key').getByText('Rename: API Key', { exact: true }).waitFor({ state: 'visible' });
		});
	});

	it('offers exactly API Key and JWT where a new GEN credential is set up (n8n 2.x: the new-credential dialog)', async () => {
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

	it.each([
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

	/** A node on the canvas, by its name. */
	function canvasNode(name: string): Locator {
		return page.locator('.vue-flow__node').filter({ has: page.getByText(name, { exact: true }) });
	}

	/** The NDV's parameters column, from its tabs down to the open key list. */
	async function pickerClip() {
		const tabs = await byTestId('tab-params').boundingBox();
		const params = await byTestId('node-parameters').boundingBox();
		const last = await byTestId('rlc-item').last().boundingBox();
		if (!tabs || !params || !last) throw new Error('the parameters column or the key list is not on screen');
		const top = tabs.y - 12;
		return { x: params.x - 12, y: top, width: params.width + 24, height: last.y + last.height + 24 - top };
	}

	/** Waits until an input shows `value` (inputs keep their text in `value`, not in the DOM; other elements in their text). */
	async function expectText(input: Locator, value: string, from: 'value' | 'text' = 'value'): Promise<void> {
		const deadline = Date.now() + STEP_MS;
		let last = '';
		while (Date.now() < deadline) {
			const read = from === 'value' ? input.first().inputValue() : input.first().innerText().then((t) => t.trim());
			last = await read.catch(() => '');
			if (last === value) return;
			await page.waitForTimeout(100);
		}
		throw new Error(`expected ${String(input)} to show "${value}", it shows "${last}"`);
	}
});
