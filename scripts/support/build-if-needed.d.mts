/** Builds the Next.js app when its sources changed since the last build (a hash stamp in .next/). */
export function buildIfNeeded(root: string, env: NodeJS.ProcessEnv): void;
export declare const SERVER_BUNDLE: string;
