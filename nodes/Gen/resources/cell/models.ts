import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

/** The models GEN documents per generation type (GEN's "All Generation Types" reference). */
const MODELS: Record<string, string[]> = {
	text: ['gemini_2_0_flash', 'gemini_2_5_pro', 'gpt_4o', 'gpt_4o_mini', 'o3_mini', 'o4_mini', 'claude_sonnet_4'],
	image_from_text: ['gemini_image', 'gemini_pro_image', 'midjourney'],
	video_from_text: ['veo_3', 'veo_3_fast', 'veo_3_1', 'veo_3_1_fast', 'sora_2', 'kling_1_6', 'seedance_pro', 'seedance_pro_1_5'],
	video_from_image: ['kling_2_1', 'kling_2_6', 'veo_3', 'veo_3_1', 'sora_2', 'seedance_lite', 'seedance_pro', 'seedance_pro_1_5'],
	video_from_ingredients: ['pika', 'kling_1_6', 'seedance_lite', 'veo_3_1', 'veo_3_1_fast'],
	lipsync: ['sync_so', 'gen'],
	captions: ['gemini'],
};

/** Model picker of Cell > Generate: GEN's default, then the documented models of the chosen type. */
export async function getModels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const type = String(this.getCurrentNodeParameter('generationType') ?? 'text');
	return [
		{ name: "GEN's Default", value: '' },
		...(MODELS[type] ?? []).map((model) => ({ name: model, value: model })),
	];
}

/** Types whose generations take a model. */
export const TYPES_WITH_MODEL = Object.keys(MODELS);
