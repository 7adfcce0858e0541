import { sleep, type IDataObject, type IExecuteSingleFunctions, type INodeExecutionData } from 'n8n-workflow';
import { checkAnswer } from '../../shared/answer';
import { leaveSlot, runDeadline, withRunSlot } from '../../shared/dispatch';
import { itemError } from '../../shared/errors';
import { checkedText, idValue, numberValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { genSend, resourceOf } from './steps';

type Import = { body: IDataObject; timeoutMs: number };

// GEN's download of a long video outlives one request: it answers {dw_job_id}, to be sent back
// until the resource is there. The first resend comes soon, later ones up to 15 s apart.
const FIRST_RESEND_MS = 1000;
const MAX_RESEND_MS = 15_000;

export const importFromUrl = genOperation({
	option: {
		name: 'Import From URL',
		value: 'importFromUrl',
		action: 'Import a file from a URL',
		description: 'Have GEN download a YouTube, TikTok or Instagram video, or a public file, as a content resource',
	},
	method: 'POST',
	path: '/content_resources/from_url',
	request: (context) => {
		const url = checkedText(context, context.getNodeParameter('url', ''), 'URL').trim();
		if (!/^https?:\/\/[^\s/]+/i.test(url)) {
			throw itemError(context, `URL "${url}" is not a web address`, 'Use a full http:// or https:// address (a YouTube, TikTok or Instagram link, or a public file URL).');
		}
		const options = context.getNodeParameter('options', {}) as IDataObject;
		const minutes = numberValue(context, options.timeoutMinutes ?? 10, 'Timeout (Minutes)');
		const body = { agent_id: idValue(context, 'agentId', 'Agent'), url };
		const keep: Import = { body, timeoutMs: minutes * 60_000 };
		return { body, keep };
	},
	answer: 'object',
	expected: 'a content resource or a download job',
	retry: 'creates',
	finish: async (context, answer, kept) => await finishImport(context, answer, kept as Import),
	fields: [],
});

async function finishImport(context: IExecuteSingleFunctions, first: IDataObject, { body, timeoutMs }: Import): Promise<INodeExecutionData[]> {
	// Waiting holds no request slot: other items' imports go on meanwhile.
	leaveSlot(context);
	const deadline = runDeadline(context, timeoutMs);
	const signal = context.getExecutionCancelSignal();
	let answer = first;
	let interval = FIRST_RESEND_MS;
	while (answer.content_resource === undefined || answer.content_resource === null) {
		const job = answer.dw_job_id;
		if (job === undefined || job === null || job === '') return [{ json: resourceOf(context, answer) }];
		if (Date.now() >= deadline || signal?.aborted) {
			throw itemError(
				context,
				`GEN's download of ${String(body.url)} is not finished ${signal?.aborted ? 'when the execution was cancelled' : 'within the timeout'}`,
				`It goes on in GEN (download job ${String(job)}). Run again later with a longer Options > Timeout (Minutes); the file then shows in Content Resource > Get Many.`,
			);
		}
		await sleep(Math.max(0, Math.min(interval, deadline - Date.now())));
		interval = Math.min(interval * 1.5, MAX_RESEND_MS);
		const response = await withRunSlot(context, async () => await genSend(context, 'POST', '/content_resources/from_url', { body: { ...body, dw_job_id: job } }));
		[answer] = await checkAnswer(context, response, { answer: 'object', expected: 'a content resource or a download job', retry: 'safe' }, context.getItemIndex());
	}
	return [{ json: resourceOf(context, answer) }];
}
