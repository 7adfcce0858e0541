import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { engineScope } from '../../shared/content';
import { itemError } from '../../shared/errors';
import { idValue, textValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { finishGeneration, waitSettings, type WaitSettings } from '../../shared/waiting';
import { generateFields } from './generateFields';

/** The generation types whose `data` needs a prompt. */
const PROMPT_REQUIRED = ['text', 'image_from_text', 'video_from_text'];

/** The fields of the chosen type as GEN's `data`, over Additional Data. */
function generationData(context: IExecuteSingleFunctions, type: string): IDataObject {
	const text = (name: string) => String(context.getNodeParameter(name, '') ?? '').trim();
	const data: IDataObject = { ...additionalData(context) };
	const put = (key: string, value: unknown) => {
		if (value !== '' && value !== 0 && value !== undefined) data[key] = value;
	};
	if (type === 'speech_from_text') {
		const voiceMethod = String(context.getNodeParameter('voiceMethod', 'my_voices'));
		put('script', textValue(context, 'script', 'Script'));
		put('voice_method', voiceMethod);
		if (voiceMethod === 'my_voices') put('voice_id', text('voiceId'));
		if (voiceMethod === 'clone_voice') put('audio_resource_id', text('audioResourceId'));
		return data;
	}
	if (PROMPT_REQUIRED.includes(type)) put('prompt', textValue(context, 'prompt', 'Prompt'));
	else if (type === 'video_from_image' || type === 'video_from_ingredients') put('prompt', text('prompt'));
	put('model', type === 'media' ? '' : text('model'));
	if (type === 'image_from_text' || type.startsWith('video_')) {
		put('aspect_ratio', text('aspectRatio'));
		if (type !== 'image_from_text') put('duration', Number(context.getNodeParameter('duration', 0)) || 0);
	}
	const ids: Record<string, [string, string][]> = {
		video_from_image: [['image_resource_id', 'imageResourceId']],
		lipsync: [['video_resource_id', 'videoResourceId'], ['audio_resource_id', 'audioResourceId']],
		captions: [['source_resource_id', 'sourceResourceId']],
		media: [['content_resource_id', 'contentResourceId']],
	};
	for (const [key, name] of ids[type] ?? []) put(key, text(name));
	if (type === 'video_from_ingredients') put('asset_resource_ids', resourceIdList(context.getNodeParameter('assetResourceIds', '')));
	return data;
}

/** "4821, 4822" or a list from an expression, as GEN's list of IDs. */
function resourceIdList(raw: unknown) {
	const ids = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	const list = ids.map((id) => (typeof id === 'number' ? id : String(id).trim())).filter((id) => id !== '');
	return list.length ? list : undefined;
}

function additionalData(context: IExecuteSingleFunctions): IDataObject {
	const raw = context.getNodeParameter('additionalData', '{}') as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = raw.trim() ? JSON.parse(raw) : {};
		} catch {
			value = undefined;
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw itemError(context, 'Additional Data is not a JSON object', 'Use an object such as {"variables": {"topic": "tacos"}}, or {} for none.');
	}
	return value as IDataObject;
}

export const generate = genOperation({
	option: {
		name: 'Generate',
		value: 'generate',
		action: 'Generate content into a cell',
		description: 'Start an AI generation into a cell (text, image, video, speech…) and wait for it',
	},
	method: 'POST',
	path: '/vidsheet/{contentEngineId}/cells/{cellId}/generate',
	request: (context) => {
		const { ids, qs } = engineScope(context);
		const type = String(context.getNodeParameter('generationType', 'text'));
		return {
			ids: { ...ids, cellId: idValue(context, 'cellId', 'Cell') },
			qs,
			body: { generation_type: type, data: generationData(context, type) },
			keep: waitSettings(context),
		};
	},
	answer: 'object',
	expected: 'a started generation',
	// Every request starts a generation that spends credits.
	retry: 'creates',
	finish: async (context, started, settings) => await finishGeneration(context, started, settings as WaitSettings),
	fields: generateFields,
});
