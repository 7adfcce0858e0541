/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test harness code runs in Node, not inside n8n */
/**
 * Side-effect module: import it before anything that requires n8n-core / @n8n/config.
 *
 * n8n-core's InstanceSettings writes `<N8N_USER_FOLDER>/.n8n/config` (an encryption key) the first
 * time it is resolved, and @n8n/config reads the variable when its config classes load; without
 * this it would write into $HOME. One folder per process: jest workers are separate processes and
 * test files inside a worker run one after another, so nobody races on the config file.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const userFolder = join(tmpdir(), `n8n-harness-${process.pid}`);
mkdirSync(userFolder, { recursive: true });
process.env.N8N_USER_FOLDER = userFolder;

// n8n's logger prints info lines to the console; keep test output clean unless asked otherwise
// (run with N8N_LOG_LEVEL=debug to see what n8n-core is doing).
process.env.N8N_LOG_LEVEL ??= 'silent';
// Nothing here should phone home.
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
