import 'server-only';
import { db } from '@/lib/db/prisma';

export type DismissReminderResult = { ok: true; tenantName: string } | { ok: false; message: string };

/** The administrator has deleted the old secret or certificate in Azure (or chose not to): the reminder goes. */
export async function dismissRotationReminder(tenantId: string): Promise<DismissReminderResult> {
  const tenant = await db().tenant.findUnique({ where: { id: tenantId }, select: { name: true } });
  if (!tenant) return { ok: false, message: 'The tenant no longer exists.' };
  await db().tenant.update({
    where: { id: tenantId },
    data: {
      retiredCredentialType: null,
      retiredCredentialHint: null,
      retiredCredentialExpiresAt: null,
      retiredCredentialAt: null,
    },
  });
  return { ok: true, tenantName: tenant.name };
}
