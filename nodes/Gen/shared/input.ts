import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { itemError } from './errors';

// Each parameter is read once per item, here: in n8n 2.x every read of an expression costs an
// evaluation in the isolated expression engine.

/** `={{ $json.name }}`: what n8n's editor writes when a field of the input is dragged onto a parameter. */
const ITEM_FIELD = /^=\{\{\s*\$json\.([A-Za-z_$][\w$]*)\s*\}\}$/;

/** The item's own field that the expression `raw` reads, when it is text, a finite number or a boolean. */
function itemField(context: IExecuteSingleFunctions, raw: unknown): { value: string | number | boolean } | undefined {
	const name = typeof raw === 'string' ? ITEM_FIELD.exec(raw)?.[1] : undefined;
	if (name === undefined) return undefined;
	const json = context.getInputData().json;
	if (!Object.prototype.hasOwnProperty.call(json, name)) return undefined;
	const value = json[name];
	const primitive = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
	return primitive ? { value } : undefined;
}

const isLocator = (raw: unknown): raw is { __rl: true; value: unknown } =>
	raw !== null && typeof raw === 'object' && (raw as { __rl?: unknown }).__rl === true && 'mode' in raw && 'value' in raw;

/**
 * A parameter as `getNodeParameter` gives it (`extractValue`: a resource locator's ID). Before
 * the request step runs, n8n-core has already evaluated every parameter twice for this item (its
 * pass over all properties, then its pass looking for a baseURL) and kept neither result. An
 * expression that only reads a field of the item, `={{ $json.name }}`, gives that field as it is,
 * so it is taken from the item (the same object n8n's `$json` reads) instead of a third
 * evaluation; an expression that would throw has already failed the item in n8n-core's pass.
 * Anything else is evaluated as usual. (GEN's locator modes have no `extractValue` regex, so a
 * locator's ID is its value as is.)
 */
export function parameterValue(context: IExecuteSingleFunctions, name: string, fallback: unknown, { extractValue = false } = {}): unknown {
	const raw = context.getNodeParameter(name, fallback, { rawExpressions: true }) as unknown;
	const field = itemField(context, extractValue && isLocator(raw) ? raw.value : raw);
	if (field) return field.value;
	return context.getNodeParameter(name, fallback, { extractValue });
}

const describeValue = (value: unknown) =>
	value !== null && typeof value === 'object' ? JSON.stringify(value) : `"${String(value)}"`;

function blankError(context: IExecuteSingleFunctions, label: string) {
	return itemError(
		context,
		`${label} is empty`,
		`Set "${label}" (directly or with an expression that gives a value for every item).`,
	);
}

/**
 * A required ID (plain or resource locator) as the workflow gave it: one from GEN's list stays a
 * number, one typed in the editor stays text (trimmed). Blank and dot-only IDs are refused: URL
 * parsers resolve `.` and `..` even when encoded.
 */
export function idValue(context: IExecuteSingleFunctions, name: string, label: string): string | number {
	return checkedId(context, parameterValue(context, name, '', { extractValue: true }), label);
}

export function checkedId(context: IExecuteSingleFunctions, raw: unknown, label: string): string | number {
	if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
	if (typeof raw !== 'string' || !raw.trim()) {
		if (raw === null || raw === undefined || typeof raw === 'string') throw blankError(context, label);
		throw itemError(context, `${label} must be text or a number`, `Got ${describeValue(raw)}.`);
	}
	const value = raw.trim();
	if (/^\.+$/.test(value)) {
		throw itemError(context, `${label} "${value}" is not a valid ID`, 'Pick an entry from the list, or enter its ID as GEN shows it.');
	}
	return value;
}

/** Required text, sent as given; a number becomes text, an object or a list is refused. */
export function textValue(context: IExecuteSingleFunctions, name: string, label: string): string {
	return checkedText(context, parameterValue(context, name, ''), label);
}

export function checkedText(context: IExecuteSingleFunctions, raw: unknown, label: string): string {
	if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
	if (typeof raw === 'string') {
		if (!raw.trim()) throw blankError(context, label);
		return raw;
	}
	if (raw === null || raw === undefined) throw blankError(context, label);
	throw itemError(context, `${label} must be text`, `Got ${describeValue(raw)}. Use text, or an expression that gives text.`);
}

/** A finite number >= min; numeric text is fine, booleans, lists and blanks are not. */
export function numberValue(
	context: IExecuteSingleFunctions,
	raw: unknown,
	label: string,
	{ min = 0, whole = false, advice = '' } = {},
) {
	const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() ? Number(raw) : NaN;
	if (!Number.isFinite(number) || number < min || (whole && !Number.isInteger(number))) {
		const kind = whole ? `a whole number of ${min} or more` : `${min} or more`;
		throw itemError(context, `"${label}" must be ${kind}`, `Got ${describeValue(raw)}.${advice && ` ${advice}`}`);
	}
	return number;
}

/** Return All, or the Limit as a whole number of 1 or more, checked before anything is sent. */
export function limitValue(context: IExecuteSingleFunctions): number | undefined {
	if (context.getNodeParameter('returnAll', false) === true) return undefined;
	return numberValue(context, parameterValue(context, 'limit', 50), 'Limit', { min: 1, whole: true });
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A date filter as a timestamp. A date-time without an offset (what the editor's date picker
 * gives) is read in the workflow's time zone, as n8n's `$now` is; impossible dates are refused.
 */
export function dateValue(context: IExecuteSingleFunctions, raw: unknown, label: string): number {
	const text = toDateText(raw);
	const match = ISO.exec(text);
	const time = match ? isoTime(match, context.getTimezone()) : explicitZoneTime(text);
	if (time === undefined) {
		throw itemError(
			context,
			`"${label}" is not a date`,
			`Got "${text}". Use a date such as 2026-01-31 or an expression like {{ $now.minus({ days: 90 }) }}.`,
		);
	}
	return time;
}

function toDateText(raw: unknown): string {
	if (raw instanceof Date) return raw.toISOString();
	const withIso = raw as { toISO?: () => string } | null;
	if (withIso && typeof withIso.toISO === 'function') return withIso.toISO();
	return String(raw ?? '').trim();
}

function isoTime(match: RegExpExecArray, zone: string): number | undefined {
	const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', offset] = match;
	const parts = [+y, +mo - 1, +d, +h, +mi, +s, Math.floor(Number(`0.${fraction}`) * 1000)] as const;
	const asUtc = Date.UTC(...parts);
	const back = new Date(asUtc);
	// Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
	if (back.getUTCMonth() !== parts[1] || back.getUTCDate() !== parts[2] || +h > 23 || +mi > 59 || +s > 59) {
		return undefined;
	}
	if (offset) return asUtc - offsetMinutes(offset) * 60_000;
	return zonedToUtc(asUtc, zone);
}

function offsetMinutes(offset: string) {
	if (/^z$/i.test(offset)) return 0;
	const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(offset) ?? [];
	return (sign === '-' ? -1 : 1) * (+hours * 60 + +minutes);
}

/** Other forms Date.parse reads are taken only with an explicit zone, so the server's zone never decides. */
function explicitZoneTime(text: string): number | undefined {
	const time = Date.parse(text);
	return Number.isNaN(time) || !/(GMT|UTC|Z\b|[+-]\d{2}:?\d{2}\b)/i.test(text) ? undefined : time;
}

/** The UTC time at which a wall-clock time (given as if UTC) occurs in `zone`. */
function zonedToUtc(wallClockAsUtc: number, zone: string) {
	const first = wallClockAsUtc - zoneOffset(wallClockAsUtc, zone);
	return wallClockAsUtc - zoneOffset(first, zone);
}

function zoneOffset(time: number, zone: string) {
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	});
	const part = Object.fromEntries(format.formatToParts(new Date(time)).map(({ type, value }) => [type, +value]));
	const wallClock = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
	return wallClock - (time - (((time % 1000) + 1000) % 1000));
}

/**
 * A JSON-object parameter (Additional Data, Additional Fields): the object given, or the text
 * parsed; blank is {}. Anything else is the item's error, with `advice`.
 */
export function jsonObjectValue(context: IExecuteSingleFunctions, name: string, message: string, advice: (raw: unknown) => string) {
	const raw = context.getNodeParameter(name, '{}') as unknown;
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = raw.trim() ? JSON.parse(raw) : {};
		} catch {
			value = undefined;
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) throw itemError(context, message, advice(raw));
	return value as IDataObject;
}
