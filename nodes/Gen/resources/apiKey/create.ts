import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import type { Operation } from '../../shared/descriptions';
import { inputError } from '../../shared/errors';
import { requireBodyText } from '../../shared/routing';

const show = { resource: ['apiKey'], operation: ['create'] };

const SECONDS_PER_DAY = 86_400;

/** An expression giving -5 or "soon" must not silently create a key that never expires. */
async function checkExpiry(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const days = this.getNodeParameter('expiresInDays', 0) as unknown;
	if (days === '' || days === null || !(Number(days) >= 0)) {
		throw inputError(
			this,
			'"Expires In (Days)" must be 0 or more',
			`Got "${String(days)}". Use a number of days, or 0 for a key that never expires.`,
		);
	}
	return requestOptions;
}

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an API key',
		description: 'Create an API key; its token is returned only this once',
		routing: { request: { method: 'POST', url: '/persisted_tokens' } },
	},
	fields: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. n8n-production',
			description: 'A name that says where the key is used (one key per integration)',
			hint: 'The output includes the new key in "token". GEN shows it only this once: store it now.',
			displayOptions: { show },
			routing: {
				send: { type: 'body', property: 'name', preSend: [requireBodyText('name', 'Name')] },
			},
		},
		{
			displayName: 'Expires In (Days)',
			name: 'expiresInDays',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'Days until the key expires. 0 means it never expires.',
			displayOptions: { show },
			routing: {
				send: {
					type: 'body',
					property: 'expires_in',
					preSend: [checkExpiry],
					// GEN takes seconds (OpenAPI form); no expires_in at all means no expiry.
					value: `={{ $value > 0 ? Math.round($value * ${SECONDS_PER_DAY}) : undefined }}`,
				},
			},
		},
	],
};
