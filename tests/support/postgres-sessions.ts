/**
 * PGlite (npm test's last-resort PostgreSQL) serves one session shared by every connection, so tests that need
 * several concurrent sessions — leases taken by two processes, a process killed mid-transaction — cannot run there.
 * They are skipped on PGlite, and `npm test` then reports the whole run as incomplete instead of green.
 */
export const SINGLE_SESSION_POSTGRES = process.env.TEST_POSTGRES_PGLITE === '1';

export function needsSessions(provider: string): boolean {
  return provider === 'postgresql' && SINGLE_SESSION_POSTGRES;
}
