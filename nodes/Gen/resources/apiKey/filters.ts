import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import type { Show } from '../../shared/descriptions';
import { dateValue } from '../../shared/input';

type FilterParameters = {
	status?: string[];
	nameContains?: string;
	createdBefore?: string;
	lastUsedBefore?: string;
	excludeNeverUsed?: boolean;
	expiresBefore?: string;
};

type DateFilter = 'createdBefore' | 'lastUsedBefore' | 'expiresBefore';

const DATE_FIELDS: Record<DateFilter, { field: string; label: string }> = {
	createdBefore: { field: 'created_at', label: 'Created Before' },
	lastUsedBefore: { field: 'last_used_at', label: 'Last Used Before' },
	expiresBefore: { field: 'expires_at', label: 'Expires Before' },
};

/** Reads the filters; an unreadable date stops the item before anything is sent. */
export function readFilters(context: IExecuteSingleFunctions) {
	const filters = context.getNodeParameter('filters', {}) as FilterParameters;
	const cutoffs = (Object.keys(DATE_FIELDS) as DateFilter[])
		.filter((name) => filters[name])
		.map((name) => ({ name, time: dateValue(context, filters[name], DATE_FIELDS[name].label) }));
	return { filters, cutoffs, needle: filters.nameContains?.toLowerCase() };
}

export type KeyFilters = ReturnType<typeof readFilters>;

export function filterKeys({ filters, cutoffs, needle }: KeyFilters, keys: IDataObject[]) {
	return keys.filter((key) => {
		if (filters.status?.length && !filters.status.includes(String(key.status))) return false;
		if (needle && !String(key.name ?? '').toLowerCase().includes(needle)) return false;
		return cutoffs.every(({ name, time }) => isBefore(key, name, time, filters));
	});
}

function isBefore(key: IDataObject, filter: DateFilter, cutoff: number, filters: FilterParameters) {
	const value = key[DATE_FIELDS[filter].field];
	// A key never used has been unused longer than any cutoff, unless the user opts out.
	if (value === null || value === undefined) {
		return filter === 'lastUsedBefore' && !filters.excludeNeverUsed;
	}
	return Date.parse(String(value)) < cutoff;
}

export function keyFilters(show: Show): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only keys created before this time (a time without offset is in the workflow\'s time zone)',
			},
			{
				displayName: 'Exclude Never Used',
				name: 'excludeNeverUsed',
				type: 'boolean',
				default: false,
				description:
					'Whether "Last Used Before" leaves out keys that were never used (by default they match)',
			},
			{
				displayName: 'Expires Before',
				name: 'expiresBefore',
				type: 'dateTime',
				default: '',
				description: 'Only keys that expire before this time (keys without expiry never match)',
			},
			{
				displayName: 'Last Used Before',
				name: 'lastUsedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only keys last used before this time, or never used',
			},
			{
				displayName: 'Name Contains',
				name: 'nameContains',
				type: 'string',
				default: '',
				description: 'Only keys whose name contains this text (case-insensitive)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				default: [],
				description: 'Only keys with one of these statuses',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Expired', value: 'expired' },
					{ name: 'Revoked', value: 'revoked' },
				],
			},
		],
	};
}
