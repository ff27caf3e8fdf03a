import { describe, expect, it } from 'vitest';
import { serverEnv } from './server-env.mjs';

describe('serverEnv', () => {
  it('limits glibc to two malloc arenas and runs in production', () => {
    const env = serverEnv({ PORT: '3000', NODE_ENV: 'development' });
    expect(env).toEqual({ PORT: '3000', MALLOC_ARENA_MAX: '2', NODE_ENV: 'production' });
  });

  it("keeps an operator's own arena limit", () => {
    expect(serverEnv({ MALLOC_ARENA_MAX: '8', NODE_ENV: 'production' }).MALLOC_ARENA_MAX).toBe('8');
  });
});
