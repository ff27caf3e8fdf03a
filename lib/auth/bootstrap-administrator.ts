import 'server-only';
import { recordAuditEvent, SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { createFirstAdministrator } from './create-first-administrator';
import { newPasswordSchema } from './schemas';

/** Unattended installs: SWITCHBOARD_ADMIN_EMAIL and _PASSWORD create the first administrator when none exists. */
export async function bootstrapAdministrator(): Promise<void> {
  const { SWITCHBOARD_ADMIN_EMAIL: email, SWITCHBOARD_ADMIN_PASSWORD: password } = env();
  if (!email || !password) return;
  const strong = newPasswordSchema.safeParse(password);
  if (!strong.success) throw new Error(`SWITCHBOARD_ADMIN_PASSWORD: ${strong.error.issues[0]?.message ?? 'invalid'}`);
  const admin = await createFirstAdministrator({ name: 'Administrator', email: email.toLowerCase(), password });
  if (!admin) return;
  logger.info('administrator.bootstrapped', { email: admin.email });
  await recordAuditEvent({
    actor: SYSTEM_ACTOR,
    action: 'administrator.create',
    target: { type: 'administrator', id: admin.id },
    summary: `First administrator ${admin.email} created from SWITCHBOARD_ADMIN_EMAIL`,
  });
}
