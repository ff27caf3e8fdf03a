import 'server-only';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { revokeSessionsOf } from '@/lib/auth/sessions';
import { db } from '@/lib/db/prisma';

/** Changes the password and ends every other session of that administrator. */
export async function changePassword({ adminId, sessionId, currentPassword, password }: { adminId: string; sessionId: string; currentPassword: string; password: string }) {
  const admin = await db().administrator.findUniqueOrThrow({ where: { id: adminId } });
  if (!(await verifyPassword(currentPassword, admin.passwordHash))) {
    return { ok: false as const, field: 'currentPassword', error: 'This is not your current password' };
  }
  await db().administrator.update({ where: { id: adminId }, data: { passwordHash: await hashPassword(password), passwordChangedAt: new Date() } });
  const ended = await revokeSessionsOf(adminId, sessionId);
  return { ok: true as const, endedSessions: ended };
}
