// @ts-check
'use strict';

/**
 * What `n8n execute --id=<id> --rawOutput` printed, read into a result (N8nInstance.execute()).
 * Types: the JSDoc here.
 */

/**
 * @typedef {import('./processes').RunResult & { ok: boolean, data: any, error: string | undefined, crashedAtExit: boolean }} ExecuteResult
 *   `data`: the run data n8n printed (IRun); `error`: stdout + stderr when the run failed;
 *   `crashedAtExit`: died of SIGSEGV while exiting, after printing a finished run (see execute())
 */

/**
 * `n8n execute --rawOutput` prints logs and the run data to stdout: the JSON starts at the first
 * line beginning with `{`. Returns undefined when there is none.
 * @param {string} stdout
 */
function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start === -1) return undefined;
	const text = lines.slice(start).join('\n');
	try {
		return JSON.parse(text);
	} catch {
		// logs after the JSON: take up to the last closing brace line
		const end = text.lastIndexOf('\n}');
		if (end !== -1) {
			try {
				return JSON.parse(text.slice(0, end + 2));
			} catch {
				// fall through
			}
		}
		return undefined;
	}
}

/**
 * `ok` is exit code 0; `data` the parsed run data (undefined when n8n printed none; on failure
 * `error` holds the printed error text). `crashedAtExit`: on a line with `segfaultsAtExit` (see
 * ./install.js) the process died of SIGSEGV after printing a finished run (`finished` and
 * `stoppedAt` set); `ok` then says whether that run's status is 'success'. Any other signal, or a
 * SIGSEGV without a finished run, is a failure.
 * @param {{ segfaultsAtExit: boolean }} installation
 * @param {import('./processes').RunResult} result  of `n8n execute --rawOutput`
 * @returns {ExecuteResult}
 */
function executeResult(installation, result) {
	const data = parseExecuteOutput(result.stdout);
	const crashedAtExit = Boolean(
		installation.segfaultsAtExit &&
			result.signal === 'SIGSEGV' &&
			!result.timedOut &&
			typeof data?.finished === 'boolean' &&
			data?.stoppedAt,
	);
	const ok = crashedAtExit ? data.status === 'success' : result.code === 0;
	return { ...result, ok, crashedAtExit, data, error: ok ? undefined : `${result.stdout}\n${result.stderr}`.trim() };
}

module.exports = { parseExecuteOutput, executeResult };
