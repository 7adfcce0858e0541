import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { itemError } from '../../shared/errors';
import { numberValue, textValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

const show = { resource: ['apiKey'], operation: ['create'] };

const SECONDS_PER_DAY = 86_400;
const EXPIRY_ADVICE = 'Use a number of days, or 0 for a key that never expires.';

/** GEN takes seconds (OpenAPI form); no expires_in at all means no expiry. */
function expiresIn(context: IExecuteSingleFunctions): number | undefined {
	const raw = context.getNodeParameter('expiresInDays', 0);
	const days = numberValue(context, raw, 'Expires In (Days)', { advice: EXPIRY_ADVICE });
	const seconds = Math.round(days * SECONDS_PER_DAY);
	if (days > 0 && (seconds === 0 || !Number.isSafeInteger(seconds))) {
		throw itemError(
			context,
			'"Expires In (Days)" is out of range',
			`Got "${String(raw)}": that is ${seconds === 0 ? 'less than a second' : 'too far ahead'}. ${EXPIRY_ADVICE}`,
		);
	}
	return days > 0 ? seconds : undefined;
}

export const create = genOperation({
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an API key',
		description: 'Create an API key; its token is returned only this once',
	},
	method: 'POST',
	path: '/persisted_tokens',
	request: (context) => ({
		body: { name: textValue(context, 'name', 'Name'), expires_in: expiresIn(context) },
	}),
	answer: 'object',
	expected: 'the new API key',
	retry: 'creates',
	showsOnce: true,
	fields: [
		{
			displayName:
				'The output includes the new key in "token". GEN shows it only this once: store it now. It is also kept in saved executions, and in the model\'s context when an AI Agent uses this node as a tool.',
			name: 'tokenNotice',
			type: 'notice',
			default: '',
			displayOptions: { show },
		},
		{
			displayName: 'Expires In (Days)',
			name: 'expiresInDays',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'Days until the key expires. 0 means it never expires.',
			displayOptions: { show },
		},
	],
});
