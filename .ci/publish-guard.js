#!/usr/bin/env node
'use strict';

/**
 * Stops a local `npm publish`: n8n verifies community packages only when they are published from
 * GitHub Actions with npm provenance, which is what .github/workflows/publish.yml does when a
 * `v*` tag is pushed. Only that workflow passes: GitHub sets GITHUB_ACTIONS=true and
 * GITHUB_WORKFLOW_REF=<owner>/<repo>/.github/workflows/publish.yml@refs/tags/v….
 *
 * package.json runs it as `prepublishOnly` and as `prepack`. This repository's .npmrc sets
 * ignore-scripts=true (isolated-vm cannot build on Node 20), which makes npm skip
 * prepublishOnly; `publishConfig: {"ignore-scripts": false}` turns scripts back on for the
 * packing step of `npm publish`, so `prepack` still runs there. A plain `npm pack` (npm run dev,
 * the end-to-end tests) is not a publish and passes.
 */

const command = process.env.npm_command;
const event = process.env.npm_lifecycle_event;
if (event === 'prepack' && command !== 'publish') process.exit(0);

const workflowRef = process.env.GITHUB_WORKFLOW_REF ?? '';
const inPublishWorkflow =
	process.env.GITHUB_ACTIONS === 'true' && /\/\.github\/workflows\/publish\.yml@refs\/tags\/v[^/]+$/.test(workflowRef);

if (!inPublishWorkflow) {
	console.error(`
n8n-nodes-gen is published only by the tag workflow, .github/workflows/publish.yml:
it builds, tests and runs \`npm publish --provenance --access public\` on GitHub Actions,
and n8n verifies community packages only when they carry that npm provenance.

To release: update CHANGELOG.md and the version (npm version <new-version>), then push the tag:
  git push origin main --follow-tags     # the tag is v<new-version>

(\`npm publish\` refused: not running in that workflow${workflowRef ? `; GITHUB_WORKFLOW_REF=${workflowRef}` : ''}.)
`);
	process.exit(1);
}
