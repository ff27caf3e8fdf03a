// Finding 1 of issue 11: the attacker sent 60 wrong passwords at once, and 40 guesses with the right one among
// them. Each password check (scrypt) is counted by wrapping verifyPassword; a gate holds the checks in flight so
// the right password provably arrives while the limit's attempts are still being checked.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { changePasswordAction } from '@/app/(console)/account/actions';
import { createAdministrator } from '@/lib/administrators/create-administrator';
import { signIn } from '@/lib/auth/sign-in';
import { db } from '@/lib/db/prisma';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { signInAsAdministrator, submit } from '../service-connections/request-context';

vi.mock('next/headers', async () => (await import('../service-connections/request-context')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../service-connections/request-context')).nextCacheMock);

const checks = vi.hoisted(() => ({ count: 0, gate: null as Promise<void> | null, waiting: 0 }));
vi.mock('@/lib/auth/password', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/auth/password')>();
  return {
    ...actual,
    async verifyPassword(password: string, stored: string) {
      checks.count += 1;
      // Only the wrong guesses wait: the right password must be decided by the limit, not by the gate.
      if (checks.gate && !password.startsWith('the-right')) {
        checks.waiting += 1;
        await checks.gate;
      }
      return actual.verifyPassword(password, stored);
    },
  };
});

const PASSWORD = 'the-right-password-1';
const request = { ipAddress: '203.0.113.7', userAgent: 'attacker' };

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe.each(PROVIDERS)('password checks are limited under concurrency (%s)', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
  });
  afterAll(async () => database.cleanup());
  beforeEach(async () => {
    checks.count = 0;
    checks.gate = null;
    checks.waiting = 0;
    await db().rateLimitBucket.deleteMany();
  });

  async function victim(): Promise<string> {
    const email = `victim-${Math.random().toString(36).slice(2, 8)}@switchboard.test`;
    const created = await createAdministrator({ name: 'Victim', email, password: PASSWORD });
    if (!created.ok) throw new Error(created.error);
    return email;
  }

  it('60 concurrent wrong passwords get at most 5 password checks', async () => {
    const email = await victim();
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn(email, `wrong-guess-${i}`, request)));
    expect(checks.count).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.reason === 'invalid').length).toBe(checks.count);
    expect(results.filter((r) => !r.ok && r.reason === 'rate-limited').length).toBe(60 - checks.count);
    expect(await signIn(email, PASSWORD, request)).toMatchObject({ ok: false, reason: 'rate-limited' });
  });

  it('the right password arriving while 39 wrong guesses are in flight does not sign in once the limit is used', async () => {
    const email = await victim();
    let open!: () => void;
    checks.gate = new Promise<void>((resolve) => (open = resolve));
    const guesses = Array.from({ length: 39 }, (_, i) => signIn(email, `wrong-guess-${i}`, request));
    // Every guess has either taken an attempt (and waits inside its password check) or been refused.
    const settled: unknown[] = [];
    for (const guess of guesses) void guess.then((r) => settled.push(r));
    await until(() => checks.waiting + settled.length === 39);
    const right = await signIn(email, PASSWORD, request);
    open();
    await Promise.all(guesses);
    expect(right).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(checks.count).toBeLessThanOrEqual(5);
    expect(await db().session.count({ where: { administrator: { email } } })).toBe(0);
  });

  it('a right password within the limit signs in, and gives the address its attempt back', async () => {
    const email = await victim();
    expect(await signIn(email, 'wrong-once', request)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await signIn(email, PASSWORD, request)).toMatchObject({ ok: true });
    expect(await db().rateLimitBucket.findUnique({ where: { key: `login:account:${email}` } })).toBeNull();
    expect(
      (await db().rateLimitBucket.findUniqueOrThrow({ where: { key: `login:address:${request.ipAddress}` } })).count,
    ).toBe(1);
  });

  it('the current password on password change is limited too: 30 concurrent wrong guesses, then the right one is refused', async () => {
    const admin = await signInAsAdministrator();
    const before = await db().administrator.findUniqueOrThrow({ where: { id: admin.id } });
    const fields = (current: string) => ({
      currentPassword: current,
      password: 'a-brand-new-password',
      confirmPassword: 'a-brand-new-password',
    });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => submit(changePasswordAction, fields(`wrong-${i}`))),
    );
    expect(checks.count).toBeLessThanOrEqual(5);
    expect(results.every((r) => r.status === 'error')).toBe(true);
    const right = await submit(changePasswordAction, fields('a-long-test-password'));
    expect(right.status).toBe('error');
    expect(right.fieldErrors?.currentPassword).toMatch(/Too many wrong passwords/);
    const row = await db().administrator.findUniqueOrThrow({ where: { id: admin.id } });
    expect(row.passwordHash).toBe(before.passwordHash);
  });
});
