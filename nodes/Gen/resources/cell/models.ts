import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

const VEO = ['veo-3', 'veo-3-fast', 'veo-3.1', 'veo-3.1-fast', 'veo-3.1-lite'];
const SEEDANCE = ['seedance-lite', 'seedance-pro', 'seedance-1.0-lite', 'seedance-1.0-pro', 'seedance-1.5-pro', 'seedance-2.0', 'seedance-2.5'];

/**
 * The models GEN documents per generation type ("All Generation Types", 2026-10). Video From
 * Ingredients is Pika only and takes no model; speech, captions and transcription take none.
 */
const MODELS: Record<string, string[]> = {
	text: ['openai', 'gemini'],
	image_from_text: [
		'gemini',
		'gemini_pro',
		'gemini_2',
		'gemini_2_lite',
		'imagen',
		'seedream-4.0',
		'seedream-4.5',
		'gpt-image-2',
		'gpt-image-2.5-flare',
		'gpt-image-2.5-sunburst',
		'midjourney',
		'grok',
	],
	video_from_text: [...VEO, 'gemini-omni-flash-preview', 'kling-v3', ...SEEDANCE, 'grok'],
	video_from_image: [...VEO, 'gemini-omni-flash-preview', 'kling-v3', 'kling-v2-6', ...SEEDANCE, 'grok'],
	lipsync: ['gen', 'sync.so'],
	song: ['suno-v5-beta', 'suno-v4.5plus-beta', 'suno-v5.5-beta'],
};

/**
 * IDs the 0.1.x picker offered that GEN's card pages now show under another name. Only evident
 * renames: IDs GEN no longer lists at all (sora_2, the 0.1.x text models) are sent as saved.
 */
const RENAMED: Record<string, string> = {
	veo_3: 'veo-3',
	veo_3_fast: 'veo-3-fast',
	veo_3_1: 'veo-3.1',
	veo_3_1_fast: 'veo-3.1-fast',
	kling_1_6: 'kling-v1-6',
	kling_2_1: 'kling-v2-1',
	kling_2_6: 'kling-v2-6',
	seedance_lite: 'seedance-lite',
	seedance_pro: 'seedance-pro',
	seedance_pro_1_5: 'seedance-1.5-pro',
	sync_so: 'sync.so',
};

/** A model ID as GEN knows it today: a renamed 0.1.x ID under its new name, any other as given. */
export const currentModelId = (id: string) => RENAMED[id] ?? id;

/** Model picker of Cell > Generate and Estimate Credits: GEN's default, then the documented models of the chosen type. */
export async function getModels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const type = String(this.getCurrentNodeParameter('generationType') ?? 'text');
	return [
		{ name: "GEN's Default", value: '' },
		...(MODELS[type] ?? []).map((model) => ({ name: model, value: model })),
	];
}

/** Types whose generations take a model. */
export const TYPES_WITH_MODEL = Object.keys(MODELS);
