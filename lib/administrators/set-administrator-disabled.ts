import 'server-only';
import { revokeSessionsOf } from '@/lib/auth/sessions';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { db } from '@/lib/db/prisma';

const LAST_ADMINISTRATOR = 'At least one administrator must stay enabled.';

class LastAdministrator extends Error {}

/**
 * Disabling and the "someone else stays enabled" check are one transaction. Two administrators disabling each
 * other at once would otherwise both see the other enabled and leave none (write skew): on PostgreSQL the
 * transaction holds an advisory lock that serialises every disable; on SQLite the update comes first, so the
 * transaction holds the database's single write lock before it counts.
 */
export async function setAdministratorDisabled({
  id,
  disable,
  actingAdminId,
}: {
  id: string;
  disable: boolean;
  actingAdminId: string;
}) {
  if (disable && id === actingAdminId) return { ok: false as const, error: 'You cannot disable your own account.' };
  const admin = await db().administrator.findUnique({ where: { id } });
  if (!admin) return { ok: false as const, error: 'That administrator no longer exists.' };
  if (!disable) {
    await db().administrator.update({ where: { id }, data: { disabledAt: null } });
    return { ok: true as const, email: admin.email };
  }
  const postgres = resolveDatabaseConfig().provider === 'postgresql';
  try {
    await db().$transaction(async (tx) => {
      if (postgres)
        await tx.$queryRawUnsafe(
          'SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS locked',
          'switchboard:administrators',
        );
      await tx.administrator.updateMany({ where: { id, disabledAt: null }, data: { disabledAt: new Date() } });
      if ((await tx.administrator.count({ where: { disabledAt: null } })) === 0) throw new LastAdministrator();
    });
  } catch (error) {
    if (error instanceof LastAdministrator) return { ok: false as const, error: LAST_ADMINISTRATOR };
    throw error;
  }
  await revokeSessionsOf(id);
  return { ok: true as const, email: admin.email };
}
