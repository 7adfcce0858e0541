// @ts-check
'use strict';

/**
 * What a completed generation produces, by type: a CDN URL for media (with its output resource),
 * captions, a transcription, or text (the prompt with its variables filled).
 */

/** @typedef {import('./generations').Generation} Generation */

/** Text for a text generation: the prompt with `{{variables}}` filled, or a stock line. @param {Generation} g @param {string} columnTitle */
function generatedText(g, columnTitle) {
	const { prompt, variables } = g.data;
	if (typeof prompt === 'string' && prompt.trim() !== '') {
		const vars = variables && typeof variables === 'object' ? /** @type {Record<string, unknown>} */ (variables) : {};
		const filled = prompt.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
		return `Sandbox ${g.user_job_type} for: ${filled}`;
	}
	return `Sandbox ${columnTitle.toLowerCase()} #${g.id}: hook, three beats, call to action.`;
}

/** @param {string} type @returns {'png' | 'mp3' | 'mp4' | null} */
function mediaExtension(type) {
	switch (type) {
		case 'image_from_text':
			return 'png';
		case 'speech_from_text':
		case 'song':
			return 'mp3';
		case 'video_from_text':
		case 'video_from_image':
		case 'video_from_ingredients':
		case 'lipsync':
		case 'render':
			return 'mp4';
	}
	return null;
}

/**
 * Sets a completed generation's `result` (and `output_resources`) and returns the cell value.
 * @param {Generation} g @param {string} cdnUrl @param {string} columnTitle
 * @returns {string}
 */
function produce(g, cdnUrl, columnTitle) {
	const ext = mediaExtension(g.user_job_type);
	if (ext) {
		const name = g.user_job_type === 'render' ? `render-${g.id}` : `gen-${g.id}`;
		const url = `${cdnUrl}/outputs/${name}.${ext}`;
		g.output_resources = [
			{
				id: 70000 + g.id,
				url,
				thumbnail_url: ext === 'mp3' ? null : `${cdnUrl}/thumbnails/${name}.png`,
				object_type: ext === 'mp3' ? 'Audio' : ext === 'mp4' ? 'Video' : 'Image',
				type: 'output',
			},
		];
		g.result = { url };
		return url;
	}
	if (g.user_job_type === 'captions') {
		const captions = [
			{ start: 0, end: 1.5, text: 'Stop scrolling.' },
			{ start: 1.5, end: 3, text: 'This changes everything.' },
		];
		g.result = { captions };
		return captions.map((c) => c.text).join(' ');
	}
	if (g.user_job_type === 'transcription') {
		const sentences = [
			{ text: 'Welcome back to another episode.', startMs: 0, endMs: 1840 },
			{ text: 'Today we are hunting tacos.', startMs: 1840, endMs: 3620 },
		];
		const value = sentences.map((s) => s.text).join(' ');
		g.result = { full_text: value, sentences, audio_duration: 3.62 };
		return value;
	}
	const value = generatedText(g, columnTitle);
	g.result = { text: value };
	return value;
}

module.exports = { produce };
