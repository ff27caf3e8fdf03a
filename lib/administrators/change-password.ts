import 'server-only';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { reservePasswordCheck } from '@/lib/auth/reserve-password-check';
import { revokeSessionsOf } from '@/lib/auth/sessions';
import { db } from '@/lib/db/prisma';

/**
 * Changes the password and ends every other session of that administrator. The current password is checked under
 * the sign-in limits: a stolen session must not become an unlimited password-guessing oracle.
 */
export async function changePassword({
  adminId,
  sessionId,
  currentPassword,
  password,
  ipAddress,
}: {
  adminId: string;
  sessionId: string;
  currentPassword: string;
  password: string;
  ipAddress: string | null;
}) {
  const admin = await db().administrator.findUniqueOrThrow({ where: { id: adminId } });
  const reservation = await reservePasswordCheck(admin.email, ipAddress);
  if (!reservation.ok) {
    const minutes = Math.max(1, Math.ceil(reservation.retryAfterSeconds / 60));
    return {
      ok: false as const,
      field: 'currentPassword',
      error: `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    };
  }
  if (!(await verifyPassword(currentPassword, admin.passwordHash))) {
    return { ok: false as const, field: 'currentPassword', error: 'This is not your current password' };
  }
  await reservation.succeeded();
  await db().administrator.update({
    where: { id: adminId },
    data: { passwordHash: await hashPassword(password), passwordChangedAt: new Date() },
  });
  const ended = await revokeSessionsOf(adminId, sessionId);
  return { ok: true as const, endedSessions: ended };
}
