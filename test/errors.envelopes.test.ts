/**
 * GEN's three error envelopes (CONTRACT.md "Errors"): Rails' `{error, error_code}`, the newer
 * routes' `{code, message, retryable, …}`, publishing's `{detail: {…}}`; and the advice that
 * 402, 428 and `retryable` get.
 */
import { keyLocator, runGen, serialized, shown, useSandbox, type GenParameters } from './support/gen';

const gen = useSandbox();

const ENGINE = { agentId: keyLocator('agent_1'), contentEngineId: keyLocator('101') };
const READ: GenParameters = { resource: 'cell', operation: 'get', ...ENGINE, cellId: keyLocator('4022') };
const CREATE: GenParameters = { resource: 'contentEngine', operation: 'create', agentId: keyLocator('agent_1'), title: 'x' };
const RETRY_SAFE_CREATE: GenParameters = { resource: 'row', operation: 'create', ...ENGINE };

const NO_CREDITS =
	"The workspace of this agent has no usable GEN credits. Top up in GEN (Settings > Billing), or pick an agent of another workspace; Workspace > Get shows a workspace's balance.";

async function failWith(status: number, body: unknown, parameters = READ) {
	gen.sandbox.fault({ status, body: body as object });
	const { error } = await runGen(gen.sandbox, parameters);
	return error as (typeof error & { context?: { data?: unknown } }) | undefined;
}

describe("GEN's error envelopes", () => {
	it.each([
		['Rails: {error, error_code}', { error: 'Cell is locked', error_code: 'cell_locked' }],
		['newer routes: {code, message, errors}', { code: 'cell_locked', message: 'Cell is locked', errors: [{ field: 'value' }] }],
		['publishing: {detail: {error, error_code}}', { detail: { error: 'Cell is locked', error_code: 'cell_locked' } }],
	])('%s: GEN\'s message and code in the error', async (_case, body) => {
		const error = await failWith(409, body);

		expect(error?.message).toBe('GEN API error 409: Cell is locked [cell_locked]');
		expect(shown(error)?.httpCode).toBe('409');
	});

	it('publishing names the platform and the field, in the message and the error panel', async () => {
		const error = await failWith(422, {
			detail: { error: 'Title is too long', error_code: 'platform_validation_failed', platform: 'youtube', field: 'title', errors: [] },
		});

		expect(error?.message).toBe('GEN API error 422: Title is too long [platform_validation_failed] (platform youtube, field title)');
		expect(error?.context?.data).toEqual({ status: 422, error_code: 'platform_validation_failed', platform: 'youtube', field: 'title' });
	});

	it('the key is redacted in every envelope', async () => {
		const { apiKey } = gen.sandbox;
		const error = await failWith(422, { detail: { error: `bad key ${apiKey}`, error_code: 'x', field: apiKey } });

		expect(error?.message).toBe('GEN API error 422: bad key *** [x] (field ***)');
		expect(serialized(error)).not.toContain(apiKey);
	});
});

describe('Advice', () => {
	it.each([
		['402 payment_required (the batched path)', 402, { code: 'payment_required', message: 'Payment required', funding_error_kind: 'no_credits' }],
		['402 without a code', 402, { message: 'Payment required' }],
		['422 usable_gen_credit_required', 422, { error: 'GEN credits are required to use the API.', error_code: 'usable_gen_credit_required' }],
	])('%s: the workspace needs credits (Workspace > Get)', async (_case, status, body) => {
		expect((await failWith(status, body))?.description).toBe(NO_CREDITS);
	});

	it('428 confirmation_required: nothing was deleted, confirm in GEN', async () => {
		const error = await failWith(428, { code: 'confirmation_required', message: 'Confirm to delete 3 rows', would_destroy: { rows: 3 }, confirm_token: 'ct_1', expires_in: 300 });

		expect(shown(error)).toEqual({
			message: 'GEN API error 428: Confirm to delete 3 rows [confirmation_required]',
			description:
				'GEN deleted nothing: it asks for this delete to be confirmed. Confirm it in GEN itself; an unattended workflow never confirms its own delete.',
			httpCode: '428',
		});
		expect(serialized(error)).not.toContain('ct_1');
	});

	it.each([
		['a read', READ, 'GEN says the same request may succeed later. Run again in a moment, or turn on Retry On Fail.'],
		[
			'a create without an idempotency key',
			CREATE,
			'GEN says the same request may succeed later. Look whether it was created before you run this item again; do not turn on Retry On Fail here: a retried create can create twice.',
		],
		[
			'a retry-safe create',
			RETRY_SAFE_CREATE,
			'GEN says the same request may succeed later. Run again in a moment. Retry On Fail is safe here: a retry of this item carries the same idempotency key, so GEN does it at most once.',
		],
	])('retryable: true on %s says a retry may help, as far as it is harmless', async (_case, parameters, description) => {
		const error = await failWith(409, { code: 'sheet_busy', message: 'The vidsheet is busy', retryable: true }, parameters);

		expect(error?.description).toBe(description);
	});

	it('retryable: false (or absent) gets no retry advice', async () => {
		const error = await failWith(409, { code: 'idempotency_conflict', message: 'Key reused', retryable: false });

		expect(error?.description).toBe('GEN could not process the request. Check the node parameters.');
	});
});
