/**
 * What test/e2e/browser.test.ts reads in the n8n editor, for both n8n lines (their data-test-ids
 * agree on everything used here): the node panel, the NDV's parameters and credential, pickers.
 */
import type { Locator, Page } from 'playwright-core';

/** Longest wait for one UI step (the first editor load compiles a lot of JS on 2 cores). */
export const STEP_MS = 45_000;

/** The helpers, for the page `current()` returns (the tests open it in their beforeAll). */
export function editor(current: () => Page) {
	const byTestId = (id: string): Locator => current().getByTestId(id);

	/** Waits until an input shows `value` (inputs keep their text in `value`, not in the DOM; other elements in their text). */
	async function expectText(input: Locator, value: string, from: 'value' | 'text' = 'value'): Promise<void> {
		let last = '';
		const read = () =>
			(from === 'value' ? input.first().inputValue() : input.first().innerText().then((t) => t.trim())).catch(() => '');
		await until(async () => (last = await read()) === value, () => `expected ${String(input)} to show "${value}", it shows "${last}"`);
	}

	/** The names of the parameters the Parameters tab shows, top to bottom (hidden ones are in the DOM too). */
	async function shownParameters(): Promise<string[]> {
		const inputs = await byTestId('node-parameters').locator('[data-test-id^="parameter-input-"]').filter({ visible: true }).all();
		const ids = await Promise.all(inputs.map((input) => input.getAttribute('data-test-id')));
		return ids.map((id) => String(id).slice('parameter-input-'.length));
	}

	/** Waits until the Parameters tab shows exactly `names`, in this order. */
	async function expectParameters(names: string[]): Promise<void> {
		let last: string[] = [];
		await until(
			async () => (last = await shownParameters()).join() === names.join(),
			() => `expected the parameters ${JSON.stringify(names)}, the editor shows ${JSON.stringify(last)}`,
		);
	}

	/** The labels of the open dropdown's options (an option also shows its description below its name). */
	async function openOptions(): Promise<string[]> {
		const options = current().getByRole('option').filter({ visible: true });
		await options.first().waitFor({ state: 'visible' });
		return (await options.allInnerTexts()).map((text) => text.trim().split('\n')[0]);
	}

	/**
	 * Opens the package's entry in the node panel ("GEN": n8n lists GEN and GEN Trigger as one) and
	 * shows `item`; the panel folds the actions or the triggers under "Actions (N)" / "Triggers (N)"
	 * (on an empty canvas it folds the actions, next to a node the triggers): unfolds `folded`.
	 */
	async function openPackageEntry(folded: 'Actions' | 'Triggers', item: string): Promise<Locator> {
		// An empty canvas has its own big "+"; next to a node the panel opens from the top-right "+".
		const emptyCanvas = byTestId('canvas-plus-button');
		await (await emptyCanvas.isVisible() ? emptyCanvas : byTestId('node-creator-plus-button')).click();
		const search = byTestId('node-creator-search-bar');
		await search.waitFor({ state: 'visible' });
		await search.fill('GEN');
		await byTestId('node-creator-item-name').getByText('GEN', { exact: true }).click();
		const wanted = byTestId('node-creator-item-name').getByText(item, { exact: true });
		const fold = current().getByText(new RegExp(`^${folded} \\(\\d+\\)$`));
		await wanted.or(fold).first().waitFor({ state: 'visible' });
		if (!(await wanted.isVisible())) await fold.first().click();
		await wanted.waitFor({ state: 'visible' });
		return wanted;
	}

	/** Selects the credential `name` in the open node (n8n preselects one of either GEN type). */
	async function useCredential(name: string): Promise<void> {
		const credential = byTestId('node-credentials-select');
		await credential.waitFor({ state: 'visible' });
		if ((await credential.locator('input').first().inputValue()) !== name) {
			await credential.click();
			await current().locator('[data-test-id^="node-credentials-select-item-"]').filter({ hasText: name }).first().click();
		}
		await expectText(credential.locator('input'), name);
	}

	/** The NDV's parameters column, from its tabs down to the open picker list. */
	async function pickerClip() {
		const tabs = await byTestId('tab-params').boundingBox();
		const params = await byTestId('node-parameters').boundingBox();
		const last = await byTestId('rlc-item').last().boundingBox();
		if (!tabs || !params || !last) throw new Error('the parameters column or the picker list is not on screen');
		const top = tabs.y - 12;
		return { x: params.x - 12, y: top, width: params.width + 24, height: last.y + last.height + 24 - top };
	}

	/** A node on the canvas, by its name. */
	function canvasNode(name: string): Locator {
		return current().locator('.vue-flow__node').filter({ has: current().getByText(name, { exact: true }) });
	}

	async function until(check: () => Promise<boolean>, failure: () => string): Promise<void> {
		const deadline = Date.now() + STEP_MS;
		while (Date.now() < deadline) {
			if (await check()) return;
			await current().waitForTimeout(100);
		}
		throw new Error(failure());
	}

	return { byTestId, expectText, expectParameters, openOptions, openPackageEntry, useCredential, pickerClip, canvasNode };
}
