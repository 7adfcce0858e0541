// The account store: user, API keys, workspaces, agents (state.js, seed.js).

export type KeyStatus = 'active' | 'expired' | 'revoked';

export interface StoredKey {
	id: number;
	name: string;
	token_type: string;
	created_at: string;
	expires_at: string | null;
	last_used_at: string | null;
	revoked_at: string | null;
	/** the secret sent as X-API-Key (never returned by the API after creation) */
	token: string;
	/** derived live from revoked_at / expires_at */
	readonly status: KeyStatus;
}

export interface SandboxState {
	user: { id: string; email: string; name: string; username: string; created_at: string };
	keys: StoredKey[];
	workspaces: Array<{ id: string; name: string }>;
	agents: Array<{
		id: string;
		name: string;
		description: string | null;
		workspace_id: string;
		organization_id: string;
		time_zone: string | null;
		role: string;
	}>;
}
