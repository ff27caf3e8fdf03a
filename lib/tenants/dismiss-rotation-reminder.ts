import 'server-only';
import { db } from '@/lib/db/prisma';

export type DismissReminderResult = { ok: true; tenantName: string } | { ok: false; message: string };

/** The administrator has deleted the old secret or certificate in Azure (or chose not to): the reminder goes. */
export async function dismissRotationReminder(tenantId: string): Promise<DismissReminderResult> {
  const tenant = await db().tenant.findUnique({ where: { id: tenantId }, select: { name: true } });
  if (!tenant) return { ok: false, message: 'The tenant no longer exists.' };
  const { count } = await db().tenant.updateMany({
    where: { id: tenantId, retiredCredentialType: { not: null } },
    data: {
      retiredCredentialType: null,
      retiredCredentialHint: null,
      retiredCredentialExpiresAt: null,
      retiredCredentialAt: null,
    },
  });
  if (count === 0) return { ok: false, message: 'There is no reminder to dismiss.' };
  return { ok: true, tenantName: tenant.name };
}
