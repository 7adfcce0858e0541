import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { itemError } from '../../shared/errors';
import { idValue, jsonObjectValue, numberValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';
import { waitSettings, type WaitSettings } from '../../shared/waiting';
import { ideasOf } from './shared';

const show = { resource: ['idea'], operation: ['generate'] };

/** GEN's video types, by the IDs its ideas engine takes. */
const VIDEO_TYPES = [
	['Any', 0],
	['Talking Avatar', 1],
	['Green Screen', 2],
	['Montage', 3],
	['Text-Driven', 4],
	['POV Object', 5],
	['Narrated / Voiceover', 6],
	['Split Screen', 8],
	['Skit', 9],
] as const;

const fields: INodeProperties[] = [
	{
		displayName: 'Brief',
		name: 'brief',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. before/after transformations for sensitive skin',
		description: 'What the ideas are about (e.g. built from Research > Trends). Empty: GEN works from the agent\'s setup and research.',
		displayOptions: { show },
	},
	{
		displayName: 'Count',
		name: 'count',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 1, maxValue: 50 },
		description: 'How many ideas to generate (1–50)',
		displayOptions: { show },
	},
	{
		displayName: 'Video Type',
		name: 'videoType',
		type: 'options',
		default: 0,
		options: VIDEO_TYPES.map(([name, value]) => ({ name, value })),
		description: 'The kind of video the ideas are for',
		displayOptions: { show },
	},
	{
		displayName: 'Requirements',
		name: 'requirements',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Requirement' },
		default: [],
		placeholder: 'e.g. keep under 12 seconds',
		description: 'Rules for this batch only (at most 20), e.g. "focus on before/after"',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields (JSON)',
		name: 'additionalFields',
		type: 'json',
		default: '{}',
		description: "More of GEN's generate fields as a JSON object, e.g. {\"target_duration_seconds\": 30, \"sheet_rows\": [...]}; the fields above win",
		displayOptions: { show },
	},
];

function requirementsOf(context: IExecuteSingleFunctions): string[] {
	const raw = context.getNodeParameter('requirements', []) as unknown;
	const list = (Array.isArray(raw) ? raw : [raw]).filter((entry) => entry !== '' && entry !== null && entry !== undefined);
	if (list.length > 20 || list.some((entry) => typeof entry !== 'string' && typeof entry !== 'number')) {
		throw itemError(context, 'Requirements must be at most 20 texts', `Got ${JSON.stringify(raw)}. Keep one rule per entry.`);
	}
	return list.map(String);
}

const additionalFieldsOf = (context: IExecuteSingleFunctions) =>
	jsonObjectValue(
		context,
		'additionalFields',
		'Additional Fields (JSON) must be a JSON object',
		(raw) => `Got ${typeof raw === 'string' ? raw : JSON.stringify(raw)}. Use e.g. {"target_duration_seconds": 30}, or {} for none.`,
	);

export const generate = genOperation({
	option: {
		name: 'Generate',
		value: 'generate',
		action: 'Generate content ideas',
		description:
			"Ask GEN's ideas engine for ideas grounded in trends and research, wait for the job and output one item per idea (title, hook, script, video type…); Wait for Completion off: the job as it starts",
	},
	method: 'POST',
	path: '/ideas/generate',
	host: 'agent',
	request: (context) => {
		const agentId = idValue(context, 'agentId', 'Agent');
		const count = numberValue(context, context.getNodeParameter('count', 5), 'Count', { min: 1, whole: true });
		if (count > 50) throw itemError(context, '"Count" must be 50 or less', `Got ${count}. GEN generates 1 to 50 ideas a job.`);
		const brief = String(context.getNodeParameter('brief', '') ?? '');
		return {
			body: {
				...additionalFieldsOf(context),
				agent_id: agentId,
				...(brief.trim() && { brief }),
				count,
				video_type: context.getNodeParameter('videoType', 0) as number,
				requirements: requirementsOf(context),
			},
			keep: waitSettings(context),
		};
	},
	answer: 'object',
	expected: 'an ideas job',
	// Each job spends credits: GEN reads the key from the body here.
	idempotencyKey: 'body',
	finish: async (context, job, settings) => await ideasOf(context, job, settings as WaitSettings),
	fields,
});
