// Types for provider-schema.mjs (kept as JavaScript so the npm postinstall hook needs no TypeScript runner).
export type Provider = 'sqlite' | 'postgresql';
export declare const PROVIDERS: readonly ['sqlite', 'postgresql'];
export declare const PROJECT_ROOT: string;
export declare const SOURCE_SCHEMA: string;
export declare const DERIVED_DIR: string;
export declare function derivedSchemaPath(provider: Provider): string;
export declare function generatedClientDir(provider: Provider): string;
export declare function migrationsDir(provider: Provider): string;
export declare function deriveProviderSchema(source: string, provider: Provider): string;
export declare function readSourceSchema(): string;
export declare function sha256(text: string): string;
