/** IDs that try to reach another endpoint, and how each must reach GEN: one URL-encoded path segment. */
export const ENCODED: Array<[string, string]> = [
	['../me', '..%2Fme'],
	['../../v1/me', '..%2F..%2Fv1%2Fme'],
	['5/revoke', '5%2Frevoke'],
	['5?x=1', '5%3Fx%3D1'],
	['5#fragment', '5%23fragment'],
	['%2e%2e', '%252e%252e'],
	['..%2Fme', '..%252Fme'],
	['https://elsewhere/', 'https%3A%2F%2Felsewhere%2F'],
	['//elsewhere/x', '%2F%2Felsewhere%2Fx'],
	['@elsewhere', '%40elsewhere'],
	['5 6', '5%206'],
];

/** IDs URL parsers resolve even when encoded: refused before anything is sent. */
export const REFUSED = ['..', '.', '...'];
