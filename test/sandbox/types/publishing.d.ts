// Publishing (publishing.js).

export type PublishPlatform = 'tiktok' | 'instagram' | 'facebook' | 'youtube' | 'x' | 'linkedin';

export interface Publishing {
	/** posts created from now on fail on this platform at their last step (null: stop failing it) */
	failPlatform(platform: PublishPlatform, failure?: { error?: string; error_code?: string; failed_step?: string } | null): void;
	/** the next create answers 422 platform_validation_failed with these errors */
	rejectNext(errors: { platform: string; field: string; error: string } | { platform: string; field: string; error: string }[]): void;
	/** posts as GEN shows them */
	posts(): Array<Record<string, unknown> & { id: number; platforms_status: Array<Record<string, unknown>> }>;
	/** GET /v1/schedule/post/{id} count */
	polls(id: string | number): number;
	reset(): void;
}
