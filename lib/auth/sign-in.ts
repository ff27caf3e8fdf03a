import 'server-only';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/prisma';
import type { RequestContext } from '@/lib/http/client-address';
import { decoyHash, verifyPassword } from './password';
import { reservePasswordCheck } from './reserve-password-check';
import { createSession } from './sessions';

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' | 'rate-limited'; retryAfterSeconds?: number };

export async function signIn(email: string, password: string, request: RequestContext): Promise<SignInResult> {
  // The attempt is taken from the limits before the password is checked, so concurrent guesses cannot outrun it.
  const reservation = await reservePasswordCheck(email, request.ipAddress);
  if (!reservation.ok) {
    await recordAuditEvent({
      actor: { id: null, email },
      action: 'auth.login',
      outcome: 'failure',
      summary: `Sign-in refused for ${email}: too many failed attempts`,
      ...request,
    });
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: reservation.retryAfterSeconds };
  }

  const admin = await db().administrator.findUnique({ where: { email } });
  // Verify against a decoy when there is no such account, so response time does not reveal which emails exist.
  const valid = await verifyPassword(password, admin?.passwordHash ?? (await decoyHash()));
  if (!admin || !valid || admin.disabledAt) {
    await recordAuditEvent({
      actor: { id: admin?.id ?? null, email },
      action: 'auth.login',
      outcome: 'failure',
      summary:
        admin?.disabledAt && valid ? `Sign-in refused for ${email}: account disabled` : `Failed sign-in for ${email}`,
      ...request,
    });
    return { ok: false, reason: 'invalid' };
  }

  await reservation.succeeded();
  const { token, session } = await createSession(admin.id, request);
  await db().administrator.update({ where: { id: admin.id }, data: { lastLoginAt: new Date() } });
  await recordAuditEvent({
    actor: { id: admin.id, email: admin.email },
    action: 'auth.login',
    summary: `${admin.email} signed in`,
    ...request,
  });
  return { ok: true, token, expiresAt: session.expiresAt };
}
