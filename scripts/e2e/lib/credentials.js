// @ts-check
'use strict';

/**
 * GEN credentials in `n8n import:credentials` form (plain data; n8n encrypts it on import).
 * Types: the JSDoc here.
 */

/**
 * @typedef {object} CredentialImport
 * @property {string} id
 * @property {string} name
 * @property {string} type
 * @property {Record<string, unknown>} data
 */

/**
 * A `genApi` credential in `n8n import:credentials` form (its plain data is encrypted on import).
 * Without `agentBaseUrl` the credential has none, like one saved before the field existed.
 * @param {{ apiKey: string, baseUrl: string, agentBaseUrl?: string, id?: string, name?: string }} options
 * @returns {CredentialImport}
 */
function genApiCredential({ apiKey, baseUrl, agentBaseUrl, id = 'genApiE2e', name = 'GEN account' }) {
	return { id, name, type: 'genApi', data: { apiKey, baseUrl, ...(agentBaseUrl && { agentBaseUrl }) } };
}

/**
 * A `genJwtApi` credential in `n8n import:credentials` form.
 * @param {{ token: string, baseUrl: string, id?: string, name?: string }} options
 * @returns {CredentialImport}
 */
function genJwtCredential({ token, baseUrl, id = 'genJwtE2e', name = 'GEN JWT account' }) {
	return { id, name, type: 'genJwtApi', data: { token, baseUrl } };
}

module.exports = { genApiCredential, genJwtCredential };
