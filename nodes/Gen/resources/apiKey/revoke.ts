import { autoMapped, mappingField } from '../../shared/descriptions';
import { checkedId, idValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

const show = { resource: ['apiKey'], operation: ['revoke'] };

function apiKeyId(context: Parameters<typeof idValue>[0]) {
	const mapped = autoMapped(context, 'id');
	return mapped ? checkedId(context, mapped.value, 'API Key ID') : idValue(context, 'apiKeyId', 'API Key ID');
}

export const revoke = genOperation({
	option: {
		name: 'Revoke',
		value: 'revoke',
		action: 'Revoke an API key',
		description: 'Revoke an API key so it can no longer be used',
	},
	method: 'DELETE',
	path: '/persisted_tokens/{apiKeyId}/revoke',
	request: (context) => {
		const id = apiKeyId(context);
		return { ids: { apiKeyId: id }, keep: id };
	},
	answer: 'objectOrNothing',
	expected: 'a confirmation',
	// GEN answers 204 (or 200 with the key): say which key was revoked either way.
	output: (_context, [returned], id) => [{ ...returned, id: id as string | number, revoked: true }],
	fields: [mappingField(show, 'the key ID (`id`)')],
});
