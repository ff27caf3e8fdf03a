/** The environment of the console's server process: `env` with glibc's arenas limited (unless set) and production. */
export function serverEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
