import type { IDataObject, IN8nHttpFullResponse, INode } from 'n8n-workflow';
import { genApiError, redirectError, unexpectedAnswerError, type RetryPolicy } from './errors';

/** What GEN answers on success: an object, a bare list of objects, or nothing (204) / an object. */
type Answer = 'object' | 'list' | 'objectOrNothing';

export type AnswerCheck = {
	answer: Answer;
	/** Says what the answer is, for the error when it is not (e.g. "a list of API keys"). */
	expected: string;
	retry?: RetryPolicy;
};

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);

/**
 * GEN's answer as entries, each an object, or the error users see: a redirect, GEN's own error,
 * or an answer GEN does not send (HTML from a proxy, an empty body, `null`, a wrapped list).
 */
function checkedAnswer(
	node: INode,
	response: IN8nHttpFullResponse,
	{ answer, expected, retry }: AnswerCheck,
	{ itemIndex, secrets }: { itemIndex?: number; secrets: string[] },
): IDataObject[] {
	const { body, statusCode } = response;
	if (statusCode >= 300 && statusCode < 400) throw redirectError(node, response, itemIndex);
	if (statusCode >= 400 || statusCode < 200) throw genApiError(node, response, { itemIndex, retry, secrets });
	if (answer === 'list' && Array.isArray(body) && body.every(isObject)) return body as IDataObject[];
	if (answer === 'objectOrNothing' && (statusCode === 204 || body === '' || body === undefined)) return [{}];
	if (answer !== 'list' && isObject(body)) return [body];
	throw unexpectedAnswerError(node, response, expected, itemIndex ?? 0);
}

type CredentialContext = { getNode(): INode; getCredentials(type: string): Promise<IDataObject> };

/** The credential type the node's Authentication parameter selects. */
export function credentialType(node: INode) {
	return node.parameters.authentication === 'jwt' ? 'genJwtApi' : 'genApi';
}

/**
 * checkedAnswer for a node, list search or poll. The credential's secret, to remove from an error
 * whose body echoes it, is looked up only when the answer is an error.
 */
export async function checkAnswer(
	context: CredentialContext,
	response: IN8nHttpFullResponse,
	check: AnswerCheck,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const secrets = response.statusCode >= 300 ? await credentialSecrets(context) : [];
	return checkedAnswer(context.getNode(), response, check, { itemIndex, secrets });
}

async function credentialSecrets(context: CredentialContext): Promise<string[]> {
	const type = credentialType(context.getNode());
	try {
		const credentials = await context.getCredentials(type);
		return [String((type === 'genJwtApi' ? credentials.token : credentials.apiKey) ?? '')];
	} catch {
		// No credential to read means no secret of ours could be in the answer.
		return [];
	}
}
