import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { itemError } from '../../shared/errors';
import { genOperation } from '../../shared/routing';

const show = { resource: ['apiKey'], operation: ['revokeAll'] };

function requireConfirmation(context: IExecuteSingleFunctions) {
	if (context.getNodeParameter('confirm', false) !== true) {
		throw itemError(
			context,
			'Revoke All was not confirmed',
			'Turn on "Confirm" (the boolean true) to revoke every API key of this GEN user, including the one this credential uses. Nothing was revoked.',
		);
	}
	return {};
}

export const revokeAll = genOperation({
	option: {
		name: 'Revoke All',
		value: 'revokeAll',
		action: 'Revoke all API keys',
		description: "Revoke every API key of the user, including this credential's own key",
	},
	method: 'DELETE',
	path: '/persisted_tokens/revoke_all',
	request: requireConfirmation,
	answer: 'objectOrNothing',
	expected: 'a confirmation',
	output: (_context, [returned]) => [{ ...returned, revoked: true }],
	oncePerRun: true,
	fields: [
		{
			displayName: 'Confirm',
			name: 'confirm',
			type: 'boolean',
			required: true,
			default: false,
			description:
				'Whether to really revoke every key. This includes the key this credential uses, so later GEN requests with it will fail until you paste a new key. Only the boolean true confirms.',
			displayOptions: { show },
		},
	],
});
