/**
 * What n8n's error panel (NodeErrorView) files under "From GEN": it opens that section when the
 * error has an httpCode (shown as "Error code"), raw messages, context.data ("Error data") or extra.
 * GEN's answers belong there; the node's own refusals (nothing sent) do not.
 */
import { genCredentials, runGen, useSandbox } from './support/gen';

const gen = useSandbox();

type PanelError = { httpCode?: string | null; messages?: string[]; context?: { data?: unknown }; extra?: unknown; message: string };

/** The parts of an error the panel's "From GEN" section reads. */
function fromGenSection(error: PanelError) {
	const shows = Boolean(error.httpCode) || (error.messages ?? []).some((m) => m !== error.message) || Boolean(error.context?.data) || Boolean(error.extra);
	return { shows, errorCode: error.httpCode, errorData: error.context?.data };
}

describe('the editor\'s error panel', () => {
	it("files GEN's 401 under From GEN with GEN's status and code", async () => {
		const { sandbox } = gen;
		const credentials = genCredentials(sandbox, 'gen_pat_wrong');
		const { error } = await runGen(sandbox, { resource: 'user', operation: 'getCurrent' }, { credentials });
		expect(fromGenSection(error as unknown as PanelError)).toEqual({
			shows: true,
			errorCode: '401',
			errorData: { status: 401, error_code: 'unauthorized' },
		});
	});

	it.each([
		['Revoke All not confirmed', { resource: 'apiKey', operation: 'revokeAll', confirm: false }, 'Revoke All was not confirmed'],
		['a date filter that is no date', { resource: 'apiKey', operation: 'getAll', filters: { createdBefore: 'soon' } }, '"Created Before" is not a date'],
	])("files the node's own refusal (%s) as the node's: no From GEN, no Error code", async (_case, parameters, message) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, parameters);
		expect((error as unknown as PanelError).message).toBe(message);
		expect(fromGenSection(error as unknown as PanelError)).toEqual({ shows: false, errorCode: null, errorData: undefined });
		expect(sandbox.requests).toEqual([]);
	});
});
