// The environment of the console's server process (`npm start`). glibc gives threads that allocate at once malloc
// arenas of their own (up to eight per core) and keeps each one's freed memory; the server has a dozen threads
// (libuv's pool, V8's platform, the SQLite writer). Two arenas hold the same allocations in less memory:
// `npm run bench:footprint` idle server 284 -> 249 MB, `npm run bench:api` the same within its run-to-run noise.
// An operator's own MALLOC_ARENA_MAX wins.
export function serverEnv(env) {
  return { MALLOC_ARENA_MAX: '2', ...env, NODE_ENV: 'production' };
}
