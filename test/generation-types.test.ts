import { evaluationsPerItem } from './support/evaluations';
import { jsonOf, runGen, useSandbox, type GenParameters } from './support/gen';

const gen = useSandbox({ generationMs: 60 });

const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

const generate = (generationType: string, fields: GenParameters = {}) => ({
	resource: 'cell',
	operation: 'generate',
	agentId: rl('agent_1'),
	contentEngineId: rl(101),
	cellId: rl(4022),
	generationType,
	waitForCompletion: false,
	...fields,
});

const sentData = (sandbox: typeof gen.sandbox) => (sandbox.requests[0].body as { data: Record<string, unknown> }).data;

const VIDEO = { video: { value: 'https://cdn.example.com/talking-head.mp4' } };

describe('Cell > Generate: GEN\'s ten generation types, in GEN\'s current data shape', () => {
	it.each([
		['text', { prompt: 'Hook for {{topic}}', model: 'gemini' }, { prompt: 'Hook for {{topic}}', model: 'gemini' }],
		['image_from_text', { prompt: 'a taco stall', model: 'seedream-4.5', aspectRatio: '3:2' }, { prompt: 'a taco stall', model: 'seedream-4.5', aspect_ratio: '3:2' }],
		[
			'video_from_text',
			{ prompt: 'golden hour', model: 'veo-3.1', aspectRatio: '9:16', duration: 8, resolution: '1080p', nativeAudio: true, negativePrompt: 'no logos' },
			{ prompt: 'golden hour', model: 'veo-3.1', aspect_ratio: '9:16', duration: 8, resolution: '1080p', native_audio: true, negative_prompt: 'no logos' },
		],
		[
			'video_from_image',
			{ imageResourceId: '4821', imageTailResourceId: '4822', prompt: 'zoom in', model: 'kling-v2-6', resolution: '720p' },
			{ image_resource_id: '4821', image_tail_resource_id: '4822', prompt: 'zoom in', model: 'kling-v2-6', resolution: '720p' },
		],
		[
			'video_from_ingredients',
			{ prompt: 'tabletop pan-around', imageUrls: 'https://cdn.example.com/1.png, https://cdn.example.com/2.png', nativeAudio: true },
			{ prompt: 'tabletop pan-around', images: [{ value: 'https://cdn.example.com/1.png' }, { value: 'https://cdn.example.com/2.png' }], native_audio: true },
		],
		[
			'speech_from_text',
			{ script: 'Welcome to the taco tour', voiceId: '21m00Tcm4TlvDq8ikWAM', enhanceVoice: true, removeSilence: true },
			{ text: 'Welcome to the taco tour', voice_id: '21m00Tcm4TlvDq8ikWAM', enhance_voice: true, remove_silence: true },
		],
		[
			'lipsync',
			{ videoUrl: VIDEO.video.value, audioUrl: 'https://cdn.example.com/voice.mp3', model: 'sync.so', removeBackground: true },
			{
				talking_avatar_video_data: { ...VIDEO, audio: { value: 'https://cdn.example.com/voice.mp3' } },
				lip_sync_model: 'sync.so',
				remove_background: true,
			},
		],
		[
			'lipsync',
			{ videoUrl: VIDEO.video.value, additionalData: '{"voice_generation_data": {"text": "Hi", "voice_id": "v1"}}' },
			{ talking_avatar_video_data: VIDEO, voice_generation_data: { text: 'Hi', voice_id: 'v1' } },
		],
		[
			'captions',
			{ videoUrl: VIDEO.video.value, trimStartSeconds: 2, trimDurationSeconds: 30 },
			{ ...VIDEO, trim: { start_seconds: 2, duration_seconds: 30 } },
		],
		['transcription', { audioUrl: 'https://cdn.example.com/episode.mp3' }, { audio: { value: 'https://cdn.example.com/episode.mp3' } }],
		['transcription', { contentResourceId: '4821', trimDurationSeconds: 10 }, { content_resource_id: '4821', trim: { start_seconds: 0, duration_seconds: 10 } }],
		[
			'song',
			{
				prompt: 'a late-night drive',
				model: 'suno-v5.5-beta',
				duration: 180,
				instrumental: true,
				style: 'indie pop',
				songTitle: 'Neon Mile',
				negativeTags: 'metal',
				vocalGender: 'f',
				sourceAudioUrl: 'https://cdn.example.com/demo.mp3',
				audioWeight: '0.6',
			},
			{
				prompt: 'a late-night drive',
				model: 'suno-v5.5-beta',
				duration: 180,
				instrumental: true,
				style: 'indie pop',
				title: 'Neon Mile',
				negative_tags: 'metal',
				vocal_gender: 'f',
				source_audio_url: 'https://cdn.example.com/demo.mp3',
				audio_weight: 0.6,
			},
		],
	])('%s: sends the fields of the type as data, and GEN starts it', async (generationType, fields, data) => {
		const { sandbox } = gen;
		const { items, error } = await runGen(sandbox, generate(generationType, fields));

		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({ generation_type: generationType, data });
		expect(jsonOf(items)).toEqual([{ cell_id: '4022', generation_id: expect.anything(), status: 'pending' }]);
	});

	it('Additional Data merges under the fields: the fields win, its other keys are sent', async () => {
		const { sandbox } = gen;
		const additionalData = '{"negative_prompt": "ignored", "prompt_var": "topic", "native_audio": true}';
		await runGen(sandbox, generate('video_from_text', { prompt: 'x', negativePrompt: 'no logos', additionalData }));

		expect(sentData(sandbox)).toEqual({ prompt: 'x', negative_prompt: 'no logos', prompt_var: 'topic', native_audio: true });
	});

	it.each([
		['veo_3_1', 'video_from_text', 'veo-3.1'],
		['veo_3', 'video_from_text', 'veo-3'],
		['kling_2_6', 'video_from_image', 'kling-v2-6'],
		['seedance_pro', 'video_from_text', 'seedance-pro'],
		['seedance_pro_1_5', 'video_from_image', 'seedance-1.5-pro'],
	])('the 0.1.x model ID %s is sent under its new name', async (model, generationType, sent) => {
		const { sandbox } = gen;
		await runGen(sandbox, generate(generationType, { prompt: 'x', imageResourceId: '4821', model }));

		expect(sentData(sandbox).model).toBe(sent);
	});

	it.each([
		['an ID by expression', '={{ "veo-4-preview" }}', 'veo-4-preview'],
		['a 0.1.x ID GEN lists no more', 'sora_2', 'sora_2'],
		["GEN's Default", '', undefined],
	])('%s is sent as given', async (_case, model, sent) => {
		const { sandbox } = gen;
		await runGen(sandbox, generate('video_from_text', { prompt: 'x', model }));

		expect(sentData(sandbox).model).toBe(sent);
	});

	it.each([
		['a blank prompt', 'text', { prompt: ' ' }, 'Prompt is empty'],
		['a blank speech text', 'speech_from_text', { script: '' }, 'Text is empty'],
		['a speech text over 4,000 characters', 'speech_from_text', { script: 'a'.repeat(4001) }, 'Text has 4001 characters'],
		['video from image without its image', 'video_from_image', { prompt: 'x' }, 'Image Resource ID is empty'],
		['ingredients without images', 'video_from_ingredients', { prompt: 'x' }, 'Image URLs is empty'],
		['lipsync without a video', 'lipsync', { audioUrl: 'https://a/b.mp3' }, 'Video URL is empty'],
		['lipsync without speech', 'lipsync', { videoUrl: 'https://a/b.mp4' }, 'Lipsync has no speech'],
		['captions from two sources', 'captions', { videoUrl: 'https://a/b.mp4', audioUrl: 'https://a/b.mp3' }, 'Captions needs exactly one source'],
		['a transcription of nothing', 'transcription', {}, 'Transcription needs exactly one source'],
		['a trim start without a duration', 'captions', { audioUrl: 'https://a/b.mp3', trimStartSeconds: 5 }, 'Trim Start is set without a Trim Duration'],
		['a song with two source audios', 'song', { prompt: 'x', sourceAudioResourceId: '1', sourceAudioUrl: 'https://a/b.mp3' }, 'A song takes one source audio'],
		['an audio weight above 1', 'song', { prompt: 'x', audioWeight: '2' }, '"Audio Weight" must be between 0.0 and 1.0'],
		['a type GEN does not have', '={{ "podcast" }}', {}, '"podcast" is not a generation type of GEN'],
	])('refuses %s before anything is sent', async (_case, generationType, fields, message) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, generate(generationType, fields));

		expect(error?.message).toBe(message);
		expect(sandbox.requests).toEqual([]);
	});
});

/**
 * Cell > Generate parameters exactly as 0.1.x saved them. n8n drops parameters a node no longer
 * declares when it loads a workflow: a refusal here also proves the saved value reached the node.
 */
describe('Cell > Generate as 0.1.x saved it', () => {
	it.each([
		['media', { generationType: 'media', contentResourceId: '7000' }, 'GEN dropped the Media generation type', /Cell > Update to put an uploaded file's URL into the cell/],
		[
			'speech with Clone Voice',
			{ generationType: 'speech_from_text', script: 'Hi', voiceMethod: 'clone_voice', audioResourceId: '5921' },
			'GEN\'s Speech From Text no longer takes Voice Method "Clone Voice"',
			/saved voice only.*Voice ID/,
		],
		[
			'speech with Design Voice',
			{ generationType: 'speech_from_text', script: 'Hi', voiceMethod: 'design_voice' },
			'GEN\'s Speech From Text no longer takes Voice Method "Design Voice"',
			/Voice ID/,
		],
		[
			'lipsync from resource IDs',
			{ generationType: 'lipsync', model: 'sync_so', videoResourceId: '6001', audioResourceId: '5921' },
			"GEN's Lipsync now takes the video's URL, not its resource ID (Video Resource ID 6001)",
			/in Video URL/,
		],
		[
			'captions from a resource ID',
			{ generationType: 'captions', sourceResourceId: '6001' },
			"GEN's Captions now take the source's URL, not its resource ID (Source Resource ID 6001)",
			/Audio URL or Video URL/,
		],
		[
			'ingredients from resource IDs',
			{ generationType: 'video_from_ingredients', assetResourceIds: '4821, 4822', duration: 5 },
			"GEN's Video From Ingredients now takes image URLs, not resource IDs (Asset Resource IDs 4821, 4822)",
			/in Image URLs/,
		],
	])('%s is refused before anything is sent, saying what to use now', async (_case, saved, message, advice) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, generate('', saved));

		expect(error?.message).toBe(message);
		expect(error?.description).toMatch(advice);
		expect(error?.description).toMatch(/Nothing was sent\.$/);
		expect(sandbox.requests).toEqual([]);
	});

	it.each([
		['text with a model of 0.1.x', { generationType: 'text', prompt: 'x', model: 'gpt_4o' }, { prompt: 'x', model: 'gpt_4o' }],
		[
			'video from text',
			{ generationType: 'video_from_text', prompt: 'golden hour', model: 'veo_3_1', aspectRatio: '16:9', duration: 10 },
			{ prompt: 'golden hour', model: 'veo-3.1', aspect_ratio: '16:9', duration: 10 },
		],
		['video from image', { generationType: 'video_from_image', imageResourceId: '4821', prompt: 'zoom in' }, { image_resource_id: '4821', prompt: 'zoom in' }],
		[
			'speech with My Voices: Script is sent as text',
			{ generationType: 'speech_from_text', script: 'Welcome!', voiceMethod: 'my_voices', voiceId: 'v1' },
			{ text: 'Welcome!', voice_id: 'v1' },
		],
		[
			'speech with Clone Voice, once a Voice ID is filled in',
			{ generationType: 'speech_from_text', script: 'Hi', voiceMethod: 'clone_voice', audioResourceId: '5921', voiceId: 'v1' },
			{ text: 'Hi', voice_id: 'v1' },
		],
		[
			'lipsync, once its URLs are filled in',
			{ generationType: 'lipsync', model: 'sync_so', videoResourceId: '6001', audioResourceId: '5921', videoUrl: 'https://a/v.mp4', audioUrl: 'https://a/a.mp3' },
			{ talking_avatar_video_data: { video: { value: 'https://a/v.mp4' }, audio: { value: 'https://a/a.mp3' } }, lip_sync_model: 'sync.so' },
		],
		['captions with a model of 0.1.x (captions take none now)', { generationType: 'captions', model: 'gemini', audioUrl: 'https://a/a.mp3' }, { audio: { value: 'https://a/a.mp3' } }],
	])('%s runs in GEN\'s current shape', async (_case, saved, data) => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, generate('', saved));

		expect(error).toBeUndefined();
		expect(sandbox.requests.map(({ body }) => body)).toEqual([{ generation_type: saved.generationType, data }]);
	});
});

describe('Cell > Estimate Credits', () => {
	const estimate = (fields: GenParameters) => ({ resource: 'cell', operation: 'estimateCredits', agentId: rl('agent_1'), ...fields });

	it('asks POST /user_jobs/estimate with the agent and the generation of Cell > Generate, and starts nothing', async () => {
		const { sandbox } = gen;
		const fields = { generationType: 'video_from_text', prompt: 'golden hour', model: 'veo_3_1', duration: 8 };
		const { items, error } = await runGen(sandbox, estimate(fields));

		expect(error).toBeUndefined();
		expect(sandbox.requests.map(({ method, path, query, body }) => ({ method, path, query, body }))).toEqual([
			{
				method: 'POST',
				path: '/v1/user_jobs/estimate',
				query: {},
				body: { agent_id: 'agent_1', user_job: { user_job_type: 'video_from_text', data: { prompt: 'golden hour', model: 'veo-3.1', duration: 8 } } },
			},
		]);
		expect(jsonOf(items)).toEqual([
			{ estimate_id: expect.any(String), estimated_credits: 20, status: 'estimated', items: [{ user_job_type: 'video_from_text', estimated_credits: 20 }] },
		]);
		expect(sandbox.state.content.generations).toEqual([]);
	});

	it('refuses what Generate refuses, before anything is sent', async () => {
		const { sandbox } = gen;
		const { error } = await runGen(sandbox, estimate({ generationType: 'media', contentResourceId: '7000' }));

		expect(error?.message).toBe('GEN dropped the Media generation type');
		expect(sandbox.requests).toEqual([]);
	});

	it("GEN's refusal of the data is the item's error", async () => {
		const { sandbox } = gen;
		// Ingredients take no other keys: GEN says so, and the node passes Additional Data on.
		const { error } = await runGen(sandbox, estimate({ generationType: 'video_from_ingredients', prompt: 'x', imageUrls: 'https://a/1.png', additionalData: '{"model": "kling"}' }));

		expect(error?.message).toMatch(/data\.model is not accepted for video_from_ingredients/);
	});
});

// n8n-core evaluates each expression field twice per item; the cell (`={{ $json.cell }}`) is then read from the item, the prompt evaluated a third time.
describe('Expression evaluations per item, generations (n8n-core\'s floor: 2 per expression field)', () => {
	const items = Array.from({ length: 5 }, (_, i) => ({ cell: 4011 + (i % 4), text: `text ${i}` }));
	const scope = { agentId: rl('agent_1'), contentEngineId: rl(101), cellId: { __rl: true, mode: 'id', value: '={{ $json.cell }}' } };

	it.each([
		['Cell > Generate, text (cell, prompt)', { operation: 'generate', ...scope, generationType: 'text', prompt: '={{ $json.text }}' }, 5],
		['Cell > Generate, speech (cell, text)', { operation: 'generate', ...scope, generationType: 'speech_from_text', script: '={{ $json.text }}', voiceId: 'v1' }, 5],
		['Cell > Estimate Credits, song (prompt)', { operation: 'estimateCredits', agentId: rl('agent_1'), generationType: 'song', prompt: '={{ $json.text }}' }, 3],
	])('%s', async (_case, parameters, expected) => {
		const perItem = await evaluationsPerItem(gen.sandbox, { resource: 'cell', waitForCompletion: false, ...parameters }, items);

		expect(perItem).toBe(expected);
	});
});
