import 'server-only';
import { revokeSessionsOf } from '@/lib/auth/sessions';
import { db } from '@/lib/db/prisma';

export async function setAdministratorDisabled({ id, disable, actingAdminId }: { id: string; disable: boolean; actingAdminId: string }) {
  if (disable && id === actingAdminId) return { ok: false as const, error: 'You cannot disable your own account.' };
  const admin = await db().administrator.findUnique({ where: { id } });
  if (!admin) return { ok: false as const, error: 'That administrator no longer exists.' };
  if (disable) {
    const othersActive = await db().administrator.count({ where: { disabledAt: null, id: { not: id } } });
    if (othersActive === 0) return { ok: false as const, error: 'At least one administrator must stay enabled.' };
  }
  await db().administrator.update({ where: { id }, data: { disabledAt: disable ? new Date() : null } });
  if (disable) await revokeSessionsOf(id);
  return { ok: true as const, email: admin.email };
}
