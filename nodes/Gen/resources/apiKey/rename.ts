import { autoMapped, mappingField } from '../../shared/descriptions';
import { checkedId, checkedText, idValue, textValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

const show = { resource: ['apiKey'], operation: ['rename'] };

export const rename = genOperation({
	option: {
		name: 'Rename',
		value: 'rename',
		action: 'Rename an API key',
		description: 'Give an API key a new name',
	},
	method: 'PATCH',
	path: '/persisted_tokens/{apiKeyId}',
	request: (context) => {
		const mapped = autoMapped(context, 'id');
		const apiKeyId = mapped ? checkedId(context, mapped.value, 'API Key ID') : idValue(context, 'apiKeyId', 'API Key ID');
		const name = mapped
			? checkedText(context, autoMapped(context, 'name')?.value, 'Name')
			: textValue(context, 'name', 'Name');
		return { ids: { apiKeyId }, body: { persisted_token: { name } } };
	},
	answer: 'object',
	expected: 'the renamed API key',
	fields: [mappingField(show, 'the key ID (`id`) and the new name (`name`)')],
});
