import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Operation } from '../../shared/descriptions';
import { inputError } from '../../shared/errors';
import { outputWith } from '../../shared/routing';

const show = { resource: ['apiKey'], operation: ['revokeAll'] };

async function requireConfirmation(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	if (this.getNodeParameter('confirm', false) !== true) {
		throw inputError(
			this,
			'Revoke All was not confirmed',
			'Turn on "Confirm" to revoke every API key of this GEN user, including the one this credential uses. Nothing was revoked.',
		);
	}
	return requestOptions;
}

export const revokeAll: Operation = {
	option: {
		name: 'Revoke All',
		value: 'revokeAll',
		action: 'Revoke all API keys',
		description: "Revoke every API key of the user, including this credential's own key",
		routing: {
			request: { method: 'DELETE', url: '/persisted_tokens/revoke_all' },
			output: { postReceive: [outputWith(() => ({ revoked: true }))] },
		},
	},
	fields: [
		{
			displayName: 'Confirm',
			name: 'confirm',
			type: 'boolean',
			required: true,
			default: false,
			description:
				'Whether to really revoke every key. This includes the key this credential uses, so later GEN requests with it will fail until you paste a new key.',
			displayOptions: { show },
			routing: { send: { preSend: [requireConfirmation] } },
		},
	],
};
