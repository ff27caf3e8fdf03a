import 'server-only';
import { encryptSecret, secretHint } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { checkSettingsConnection } from './check-settings-connection';
import { EMAIL_SETTINGS_ID } from './delivery-settings';
import type { EmailSettingsInput } from './email-settings-schema';
import { parseSmtpServer } from './parse-smtp-server';
import { storedPasswordRule } from './stored-password-rule';

export type SaveEmailSettingsResult =
  | { ok: true; changed: string[]; summary: Record<string, unknown>; destination: { from: string | null; to: string | null } | null }
  | { ok: false; fieldErrors: Record<string, string> };

/**
 * Done: stores the one settings row. A blank password keeps the stored one; a password is kept only while Basic
 * authentication is chosen, and a connection only while OAuth or Graph uses it (so it can be deleted otherwise).
 */
export async function saveEmailSettings(input: EmailSettingsInput, actorEmail: string): Promise<SaveEmailSettingsResult> {
  const before = await db().emailSettings.findUnique({ where: { id: EMAIL_SETTINGS_ID } });
  const smtp = input.connectionType === 'smtp';
  const basic = smtp && input.smtpAuth === 'basic';
  const usesConnection = !smtp || input.smtpAuth === 'oauth';
  if (basic && !input.password && (input.enabled || before?.password)) {
    // A blank password keeps the stored one only for the server it was stored for.
    const rule = storedPasswordRule(before, input.smtpServer);
    if (!rule.ok) return { ok: false, fieldErrors: { password: rule.message } };
  }
  if (input.enabled || (usesConnection && input.connectionId)) {
    const rule = await checkSettingsConnection(input);
    if (!rule.ok) return { ok: false, fieldErrors: { [rule.field]: rule.message } };
  }
  const passwordFields = !basic
    ? { password: null, passwordHint: null, passwordSetAt: null }
    : input.password
      ? { password: encryptSecret(input.password, 'EmailSettings.password'), passwordHint: secretHint(input.password) || null, passwordSetAt: new Date() }
      : {};
  const data = {
    enabled: input.enabled,
    connectionType: input.connectionType,
    smtpServer: smtp ? input.smtpServer : (before?.smtpServer ?? ''),
    useSsl: input.useSsl,
    implicitTls: input.useSsl && input.implicitTls,
    smtpAuth: input.smtpAuth,
    username: basic ? input.username : null,
    mailboxAddress: usesConnection ? input.mailboxAddress || null : null,
    connectionId: usesConnection && input.connectionId ? input.connectionId : null,
    senderAddress: input.senderAddress,
    senderName: input.senderName,
    allowedSenders: input.allowedSenders.join('\n'),
    updatedByEmail: actorEmail,
  };
  await db().emailSettings.upsert({ where: { id: EMAIL_SETTINGS_ID }, create: { id: EMAIL_SETTINGS_ID, ...data, ...passwordFields }, update: { ...data, ...passwordFields } });
  const changed = Object.entries(data)
    .filter(([key, value]) => key !== 'updatedByEmail' && (before as Record<string, unknown> | null)?.[key] !== value)
    .map(([key]) => key);
  if (input.password && basic) changed.push('password');
  const { updatedByEmail: _actor, ...summary } = data;
  // Where credentials now go, for the audit log, when that changed (finding 3 of the security review).
  const hostOf = (server: string | undefined) => {
    const parsed = parseSmtpServer(server ?? '');
    return parsed.ok ? parsed.value : null;
  };
  const from = before && before.connectionType === 'smtp' ? hostOf(before.smtpServer) : null;
  const to = smtp ? hostOf(data.smtpServer) : null;
  return { ok: true, changed, summary, destination: from !== to ? { from, to } : null };
}
