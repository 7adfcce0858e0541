import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { AUTHENTICATION_FIELD, GEN_CREDENTIALS } from '../Gen/shared/authentication';
import { getAgents } from '../Gen/listSearch/getAgents';
import { EVENT_FIELD, EVENT_FIELDS, readEvent } from './events';
import { nextRecord, saveState, savedState } from './state';

/**
 * GEN has no documented outbound webhook, so this is a polling trigger: each poll reads what the
 * event watches, compares it with the record in the node's static data and emits what changed.
 */
export class GenTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GEN Trigger',
		name: 'genTrigger',
		icon: { light: 'file:../../icons/gen.svg', dark: 'file:../../icons/gen.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: "Starts the workflow when something happens in GEN (gen.pro): an idea reaches a status, a new idea, a cell's content is ready, a post is published or fails",
		defaults: {
			name: 'GEN Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: GEN_CREDENTIALS,
		properties: [
			AUTHENTICATION_FIELD,
			EVENT_FIELD,
			...EVENT_FIELDS,
		],
	};

	methods = {
		listSearch: {
			getAgents,
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const { scope, reading } = await readEvent(this, event);
		// GEN busy or failing: nothing emitted, the record stays as it was for the next poll.
		if (reading === 'skip') return null;
		const { entries, keyOf } = reading;

		if (this.getMode() === 'manual') {
			// Fetch Test Event: the newest match as a sample (or, with none, the newest of the rest); the record is left alone.
			const newest = entries[entries.length - 1] ?? reading.others?.[reading.others.length - 1];
			return newest ? [this.helpers.returnJsonArray([newest])] : null;
		}

		const staticData = this.getWorkflowStaticData('node');
		const { emit, record } = nextRecord(entries.map(keyOf), savedState(staticData, scope));
		saveState(staticData, { scope, record });
		if (emit.length === 0) return null;
		const emitted = new Set(emit);
		return [this.helpers.returnJsonArray(entries.filter((entry) => emitted.has(keyOf(entry))))];
	}
}
