import 'server-only';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/prisma';
import type { RequestContext } from '@/lib/http/client-address';
import { decoyHash, verifyPassword } from './password';
import { clearAttempts, countAttempt, LOGIN_LIMITS, retryAfterSeconds } from './rate-limit';
import { createSession } from './sessions';

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' | 'rate-limited'; retryAfterSeconds?: number };

export async function signIn(email: string, password: string, request: RequestContext): Promise<SignInResult> {
  const accountRule = { key: `login:account:${email}`, ...LOGIN_LIMITS.perAccount };
  const addressRule = { key: `login:address:${request.ipAddress ?? 'unknown'}`, ...LOGIN_LIMITS.perAddress };
  const wait = Math.max(await retryAfterSeconds(accountRule), await retryAfterSeconds(addressRule));
  if (wait > 0) {
    await recordAuditEvent({
      actor: { id: null, email },
      action: 'auth.login',
      outcome: 'failure',
      summary: `Sign-in refused for ${email}: too many failed attempts`,
      ...request,
    });
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: wait };
  }

  const admin = await db().administrator.findUnique({ where: { email } });
  // Verify against a decoy when there is no such account, so response time does not reveal which emails exist.
  const valid = await verifyPassword(password, admin?.passwordHash ?? (await decoyHash()));
  if (!admin || !valid || admin.disabledAt) {
    await countAttempt(accountRule);
    await countAttempt(addressRule);
    await recordAuditEvent({
      actor: { id: admin?.id ?? null, email },
      action: 'auth.login',
      outcome: 'failure',
      summary: admin?.disabledAt && valid ? `Sign-in refused for ${email}: account disabled` : `Failed sign-in for ${email}`,
      ...request,
    });
    return { ok: false, reason: 'invalid' };
  }

  await clearAttempts(accountRule.key);
  const { token, session } = await createSession(admin.id, request);
  await db().administrator.update({ where: { id: admin.id }, data: { lastLoginAt: new Date() } });
  await recordAuditEvent({ actor: { id: admin.id, email: admin.email }, action: 'auth.login', summary: `${admin.email} signed in`, ...request });
  return { ok: true, token, expiresAt: session.expiresAt };
}
