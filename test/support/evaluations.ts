import { Expression } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';
import { runNode } from '../harness/n8n';
import type { Sandbox } from '../sandbox/server';
import { genCredentials, type GenParameters } from './gen';

/**
 * Expression evaluations n8n-core makes per item when the GEN node runs (each one costs an
 * isolated-VM call in n8n 2.x, more than the request itself). Counts every
 * `Expression.resolveSimpleParameterValue` call during one run over `items`.
 */
export async function evaluationsPerItem(sandbox: Sandbox, parameters: GenParameters, items: IDataObject[]) {
	const original = Expression.prototype.resolveSimpleParameterValue;
	let count = 0;
	Expression.prototype.resolveSimpleParameterValue = function (this: Expression, ...args) {
		count++;
		return original.apply(this, args);
	};
	try {
		const { error } = await runNode({ parameters: parameters as never, credentials: genCredentials(sandbox), items });
		if (error) throw new Error(`the run failed: ${error.message}`);
	} finally {
		Expression.prototype.resolveSimpleParameterValue = original;
	}
	return count / items.length;
}
