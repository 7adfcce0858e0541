/**
 * What the n8n editor would show for a node description, decided by n8n-workflow's own display
 * rules (NodeHelpers.getNodeParameters / displayParameter), and the faults a user would meet there.
 * Generic over the description: the dropdowns that matter are the ones displayOptions refer to.
 */
import type {
	INodeCredentialDescription,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
	NodeParameterValue,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

type Value = NodeParameterValue | NodeParameterValue[] | undefined;
/** Stands for "any other value" of a free-text or dynamic field a condition tests. */
const OTHER_VALUE = '__any_other_value__';

const isStaticOption = (option: unknown): option is INodePropertyOptions =>
	typeof option === 'object' && option !== null && 'value' in option;

/** The parameter names a displayOptions block tests ('/name' is the root parameter of a nested field). */
function conditionEntries(property: { displayOptions?: INodeProperties['displayOptions'] }) {
	const { show = {}, hide = {} } = property.displayOptions ?? {};
	return [...Object.entries(show), ...Object.entries(hide)]
		.filter(([name]) => !name.startsWith('@'))
		.map(([name, values]) => [name.replace(/^\//, ''), values ?? []] as const);
}

/** A collection's fields as one group; a fixed collection's, one group per kind of entry. */
function childGroups(property: INodeProperties): INodeProperties[][] {
	const options = property.options ?? [];
	if (property.type === 'fixedCollection') return options.map((option) => (option as INodePropertyCollection).values ?? []);
	if (property.type === 'collection') return [options.filter((option) => !isStaticOption(option)) as INodeProperties[]];
	return [];
}

/** Every property below a collection or fixed collection, at any depth. */
function nestedProperties(property: INodeProperties): INodeProperties[] {
	return childGroups(property).flat().flatMap((child) => [child, ...nestedProperties(child)]);
}

function allProperties(description: INodeTypeDescription): INodeProperties[] {
	return description.properties.flatMap((property) => [property, ...nestedProperties(property)]);
}

/** Top-level parameters some displayOptions test, in the order the editor shows them. */
export function controllingNames(description: INodeTypeDescription): string[] {
	const tested = new Set<string>();
	const sources = [...allProperties(description), ...(description.credentials ?? [])];
	for (const source of sources) for (const [name] of conditionEntries(source)) tested.add(name);
	const topLevel = description.properties.map((property) => property.name);
	return [...new Set(topLevel)].filter((name) => tested.has(name));
}

/** The values worth trying for a controlling parameter: its choices, or what conditions test. */
function candidates(description: INodeTypeDescription, shown: INodeProperties[]): Value[] {
	const name = shown[0].name;
	const values: Value[] = [];
	for (const property of shown) {
		if (property.type === 'boolean') values.push(true, false);
		if (property.type === 'options' && !property.typeOptions?.loadOptionsMethod) {
			values.push(...(property.options ?? []).filter(isStaticOption).map((option) => option.value));
		}
	}
	if (values.length > 0) return [...new Set(values)];
	const sources = [...allProperties(description), ...(description.credentials ?? [])];
	for (const source of sources) {
		for (const [tested, conditionValues] of conditionEntries(source)) {
			if (tested === name) values.push(...(conditionValues as Value[]).filter((v) => typeof v !== 'object'));
		}
	}
	return [...new Set([...values, shown[0].default as Value, OTHER_VALUE])];
}

/** The parameters the editor holds for these values: defaults filled in, hidden ones dropped. */
export function editorParameters(description: INodeTypeDescription, values: INodeParameters): INodeParameters {
	return NodeHelpers.getNodeParameters(description.properties, values, true, false, { typeVersion: 1 }, description) ?? {};
}

export function shows(
	description: INodeTypeDescription,
	parameters: INodeParameters,
	property: INodeProperties | INodeCredentialDescription | INodePropertyOptions,
	root: INodeParameters = parameters,
): boolean {
	return NodeHelpers.displayParameter(parameters, property, { typeVersion: 1 }, description, root);
}

const MAX_COMBINATIONS = 100_000;

/**
 * Every combination of the controlling dropdowns the editor can reach, as the parameters it would
 * hold: each controlling parameter that shows takes each of its values in turn.
 */
export function combinations(description: INodeTypeDescription): INodeParameters[] {
	const names = controllingNames(description);
	const found = new Map<string, INodeParameters>();
	const walk = (index: number, values: INodeParameters) => {
		const parameters = editorParameters(description, values);
		if (index === names.length) {
			found.set(JSON.stringify(names.map((name) => parameters[name])), parameters);
			if (found.size > MAX_COMBINATIONS) throw new Error(`more than ${MAX_COMBINATIONS} combinations`);
			return;
		}
		const name = names[index];
		const shown = description.properties.filter((p) => p.name === name && shows(description, parameters, p));
		if (shown.length === 0) return walk(index + 1, values);
		for (const value of candidates(description, shown)) walk(index + 1, { ...values, [name]: value as NodeParameterValue });
	};
	walk(0, {});
	return [...found.values()];
}

const label = (parameters: INodeParameters, names: string[]) =>
	names
		.filter((name) => parameters[name] !== undefined)
		.map((name) => `${name}=${JSON.stringify(parameters[name])}`)
		.join(', ');

/** Each Authentication choice shows exactly one credential, of a type the package has. */
function checkAuthentication(description: INodeTypeDescription, credentialTypes: string[]): string[] {
	const faults: string[] = [];
	const credentials = description.credentials ?? [];
	for (const credential of credentials) {
		if (!credentialTypes.includes(credential.name)) faults.push(`credential "${credential.name}" is not a credential type of the package`);
	}
	const authentication = description.properties.find((p) => p.name === 'authentication');
	if (!authentication) return credentials.length > 1 ? ['several credentials but no Authentication dropdown', ...faults] : faults;
	for (const option of (authentication.options ?? []).filter(isStaticOption)) {
		const parameters = { authentication: option.value };
		const shown = credentials.filter((credential) => shows(description, parameters, credential)).map((c) => c.name);
		if (shown.length !== 1) {
			faults.push(`Authentication "${option.name}" (${String(option.value)}) shows ${shown.length} credentials [${shown.join(', ')}], not exactly one`);
		}
	}
	return faults;
}

/** Each resource has an Operation dropdown with choices, each with action text. */
function checkOperations(description: INodeTypeDescription): string[] {
	const faults: string[] = [];
	const resource = description.properties.find((p) => p.name === 'resource');
	const operations = description.properties.filter((p) => p.name === 'operation');
	for (const option of (resource?.options ?? []).filter(isStaticOption)) {
		const parameters = editorParameters(description, { resource: option.value });
		const shown = operations.filter((p) => shows(description, parameters, p));
		const choices = shown.flatMap((p) => (p.options ?? []).filter(isStaticOption));
		if (choices.length === 0) faults.push(`resource "${option.name}" (${String(option.value)}) has no operation`);
	}
	for (const operation of operations) {
		for (const choice of (operation.options ?? []).filter(isStaticOption)) {
			if (typeof choice.action !== 'string' || choice.action.trim() === '') {
				faults.push(`operation "${choice.name}" (${String(choice.value)}) has no action text`);
			}
		}
	}
	return faults;
}

/** Every dropdown with static choices defaults to one of them (nested collection fields too). */
function checkDefaults(description: INodeTypeDescription): string[] {
	const faults: string[] = [];
	for (const property of allProperties(description)) {
		if (!['options', 'multiOptions'].includes(property.type) || property.typeOptions?.loadOptionsMethod) continue;
		const values = (property.options ?? []).filter(isStaticOption).map((option) => option.value);
		const defaults = property.type === 'multiOptions' ? (property.default as NodeParameterValue[]) : [property.default];
		if (!Array.isArray(defaults)) {
			faults.push(`multiOptions "${property.displayName}" (${property.name}) has a default that is not a list`);
			continue;
		}
		for (const value of defaults) {
			if (typeof value === 'string' && value.startsWith('=')) continue;
			if (!(values as unknown[]).includes(value)) {
				faults.push(`dropdown "${property.displayName}" (${property.name}) defaults to ${JSON.stringify(value)}, not one of its choices [${values.join(', ')}]`);
			}
		}
	}
	return faults;
}

type Seen = { shown: Set<INodeProperties>; faults: Set<string> };

function countDuplicates(fields: INodeProperties[], where: string, seen: Seen) {
	const counted = new Map<string, number>();
	fields.forEach((field) => counted.set(field.name, (counted.get(field.name) ?? 0) + 1));
	for (const [name, count] of counted) {
		if (count > 1) seen.faults.add(`${count} fields named "${name}" show at once ${where}`);
	}
}

/**
 * The fields of a shown collection that show once the user adds them all (each at its default,
 * as the editor adds them), recorded with their own shown sub-collections.
 */
function visitChildren(description: INodeTypeDescription, parent: INodeProperties, root: INodeParameters, where: string, seen: Seen) {
	for (const group of childGroups(parent)) {
		const values = Object.fromEntries(group.map((child) => [child.name, child.default])) as INodeParameters;
		const shown = group.filter((child) => shows(description, values, child, root));
		countDuplicates(shown, `in "${parent.displayName}" ${where}`, seen);
		for (const child of shown) {
			seen.shown.add(child);
			visitChildren(description, child, root, where, seen);
		}
	}
}

/**
 * For every reachable combination: no two shown fields share a name (top level, or within one
 * collection); and every declared field, top level or nested, shows in at least one combination.
 */
function checkFields(description: INodeTypeDescription, all: INodeParameters[]): string[] {
	const seen: Seen = { shown: new Set(), faults: new Set() };
	const names = controllingNames(description);
	for (const parameters of all) {
		const where = `for ${label(parameters, names)}`;
		const shown = description.properties.filter((p) => shows(description, parameters, p));
		countDuplicates(shown, where, seen);
		for (const property of shown) {
			seen.shown.add(property);
			visitChildren(description, property, parameters, where, seen);
		}
	}
	const faults = [...seen.faults];
	// A field inside a field that never shows is reported through that field only.
	const reported = new Set<INodeProperties>();
	for (const property of allProperties(description)) {
		if (seen.shown.has(property) || reported.has(property)) continue;
		faults.push(`field "${property.displayName}" (${property.name}) shows for no choice`);
		nestedProperties(property).forEach((child) => reported.add(child));
	}
	return faults;
}

/** Every fault a user would meet in the editor, as sentences (empty when there is none). */
export function editorFaults(description: INodeTypeDescription, credentialTypes: string[]): string[] {
	return [
		...checkAuthentication(description, credentialTypes),
		...checkOperations(description),
		...checkDefaults(description),
		...checkFields(description, combinations(description)),
	];
}
