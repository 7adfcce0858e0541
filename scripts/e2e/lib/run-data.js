// @ts-check
'use strict';

/**
 * Reading what `n8n execute --rawOutput` prints (an IRun: `{data: {resultData: {runData, error,
 * lastNodeExecuted}}, status, finished, …}`) and loading workflow JSON files. Types: the JSDoc here.
 */

/** @typedef {Record<string, any>} Json  an item's `json` */

const fs = require('node:fs');
const path = require('node:path');

/**
 * Every run of a node (one per time it executed), or [] when it did not run.
 * @param {any} run
 * @param {string} nodeName
 * @returns {any[]}
 */
function nodeRuns(run, nodeName) {
	return run?.data?.resultData?.runData?.[nodeName] ?? [];
}

/**
 * The `json` of the items a node put on an output in one of its runs (default: output 0 of its
 * last run). [] when it did not run or gave nothing on that output.
 * @param {any} run
 * @param {string} nodeName
 * @param {{ output?: number, runIndex?: number }} [options]
 * @returns {Json[]}
 */
function nodeItems(run, nodeName, options = {}) {
	const runs = nodeRuns(run, nodeName);
	if (runs.length === 0) return [];
	const index = options.runIndex ?? runs.length - 1;
	const items = runs[index]?.data?.main?.[options.output ?? 0] ?? [];
	return items.map((/** @type {any} */ item) => item.json);
}

/**
 * The json of the items of every output of every run of a node, flattened.
 * @param {any} run
 * @param {string} nodeName
 * @returns {Json[]}
 */
function allNodeItems(run, nodeName) {
	return nodeRuns(run, nodeName).flatMap((taskData) =>
		(taskData?.data?.main ?? []).flatMap((/** @type {any[] | null} */ items) => (items ?? []).map((item) => item.json)),
	);
}

/**
 * The error a node's run ended with (NodeApiError serialised), if any.
 * @param {any} run
 * @param {string} nodeName
 * @returns {any}
 */
function nodeError(run, nodeName) {
	const runs = nodeRuns(run, nodeName);
	return runs.find((taskData) => taskData.error)?.error;
}

/**
 * The workflow-level error of a failed run, if any.
 * @param {any} run
 * @returns {any}
 */
function runError(run) {
	return run?.data?.resultData?.error;
}

/**
 * Names of the nodes that ran, in run order.
 * @param {any} run
 * @returns {string[]}
 */
function executedNodes(run) {
	const runData = run?.data?.resultData?.runData ?? {};
	return Object.entries(runData)
		.map(([name, runs]) => ({ name, startTime: runs[0]?.startTime ?? 0, order: runs[0]?.executionIndex ?? 0 }))
		.sort((a, b) => a.order - b.order || a.startTime - b.startTime)
		.map(({ name }) => name);
}

/**
 * Reads every `*.json` workflow in a folder: `{file, workflow}` sorted by file name.
 * @param {string} dir
 * @returns {Array<{ file: string, workflow: any }>}
 */
function loadWorkflowDir(dir) {
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }));
}

module.exports = { nodeRuns, nodeItems, allNodeItems, nodeError, runError, executedNodes, loadWorkflowDir };
