import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { itemError } from '../../shared/errors';

/**
 * Inputs of 0.1.x that GEN no longer takes, each with what replaces it. A saved workflow that
 * still relies on one is refused; once its replacement is filled in, the old value is ignored
 * (the editor no longer shows it, so it cannot be cleared there).
 */
type DroppedInput = {
	type: string;
	parameter: string;
	/** Values that are gone; without it, any non-blank value. */
	values?: string[];
	replacedBy: string[];
	message: (value: string) => string;
	advice: string;
};

const DROPPED: DroppedInput[] = [
	{
		type: 'speech_from_text',
		parameter: 'voiceMethod',
		values: ['clone_voice', 'design_voice'],
		replacedBy: ['voiceId'],
		message: (value) => `GEN's Speech From Text no longer takes Voice Method "${value === 'clone_voice' ? 'Clone Voice' : 'Design Voice'}"`,
		advice: "It speaks in a saved voice only: clone or design the voice in GEN first (separate jobs there), then put the voice's ID in Voice ID.",
	},
	{
		type: 'lipsync',
		parameter: 'videoResourceId',
		replacedBy: ['videoUrl'],
		message: (value) => `GEN's Lipsync now takes the video's URL, not its resource ID (Video Resource ID ${value})`,
		advice: "Put the video's public URL (the content resource's url) in Video URL.",
	},
	{
		type: 'lipsync',
		parameter: 'audioResourceId',
		replacedBy: ['audioUrl'],
		message: (value) => `GEN's Lipsync now takes the speech's URL, not its resource ID (Audio Resource ID ${value})`,
		advice: "Put the audio's public URL (the content resource's url) in Audio URL.",
	},
	{
		type: 'captions',
		parameter: 'sourceResourceId',
		replacedBy: ['audioUrl', 'videoUrl'],
		message: (value) => `GEN's Captions now take the source's URL, not its resource ID (Source Resource ID ${value})`,
		advice: "Put the audio's or video's public URL (the content resource's url) in Audio URL or Video URL.",
	},
	{
		type: 'video_from_ingredients',
		parameter: 'assetResourceIds',
		replacedBy: ['imageUrls'],
		message: (value) => `GEN's Video From Ingredients now takes image URLs, not resource IDs (Asset Resource IDs ${value})`,
		advice: "Put the images' public URLs (the content resources' url), comma-separated, in Image URLs.",
	},
];

const filled = (context: IExecuteSingleFunctions, name: string) => String(context.getNodeParameter(name, '') ?? '').trim();

export function refuseDroppedInputs(context: IExecuteSingleFunctions, type: string) {
	for (const input of DROPPED) {
		if (input.type !== type) continue;
		const value = filled(context, input.parameter);
		const gone = input.values ? input.values.includes(value) : value !== '';
		if (gone && input.replacedBy.every((name) => filled(context, name) === '')) {
			throw itemError(context, input.message(value), `${input.advice} Nothing was sent.`);
		}
	}
}
