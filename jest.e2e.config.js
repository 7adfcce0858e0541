/** End-to-end tests: the packed package inside the real n8n app (and a real browser). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
	// n8n installs (cold, first run only) and app start-ups take minutes, not seconds.
	testTimeout: 15 * 60_000,
};
