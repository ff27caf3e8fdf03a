import 'server-only';
import { db } from '@/lib/db/prisma';
import { transportDefinition } from '@/lib/mail/transports/transport-kinds';
import { settingsGraphFallback } from './check-graph-fallback';
import { checkSettingsConnection } from './check-settings-connection';
import { decodeEmailSettings } from './decode-email-settings';
import { EMAIL_SETTINGS_ID } from './delivery-settings';
import type { EmailSettingsInput } from './email-settings-schema';
import { encodeEmailSettings } from './encode-email-settings';
import { parseSmtpServer } from './parse-smtp-server';
import { storedPasswordRule } from './stored-password-rule';

export type SaveEmailSettingsResult =
  | {
      ok: true;
      changed: string[];
      summary: Record<string, unknown>;
      destination: { from: string | null; to: string | null } | null;
    }
  | { ok: false; fieldErrors: Record<string, string> };

/**
 * Done: stores the one settings row. A blank password keeps the stored one; a password is kept only while Basic
 * authentication is chosen, and a connection only while OAuth or Graph uses it (so it can be deleted otherwise).
 */
export async function saveEmailSettings(
  input: EmailSettingsInput,
  actorEmail: string,
): Promise<SaveEmailSettingsResult> {
  const before = await db().emailSettings.findUnique({ where: { id: EMAIL_SETTINGS_ID } });
  const { transport } = input;
  const definition = transportDefinition(transport);
  const secret = definition.secret(transport);
  if (secret === '' && (input.enabled || before?.password)) {
    // A blank password keeps the stored one only for the server it was stored for.
    const rule = storedPasswordRule(before, definition.server(transport) ?? '');
    if (!rule.ok) return { ok: false, fieldErrors: { password: rule.message } };
  }
  const use = definition.connectionUse(transport);
  if (input.enabled || use?.connectionId) {
    const rule = await checkSettingsConnection(use, input.confirmSmtpHost);
    if (!rule.ok) return { ok: false, fieldErrors: { [rule.field]: rule.message } };
  }
  const fallback = await settingsGraphFallback(transport, input.graphFallbackConnectionId);
  if (!fallback.ok) return fallback;
  const encoded = encodeEmailSettings(input, before);
  const columns = { ...encoded.columns, graphFallbackConnectionId: fallback.connectionId };
  const { secretColumns } = encoded;
  const data = { ...columns, updatedByEmail: actorEmail };
  await db().emailSettings.upsert({
    where: { id: EMAIL_SETTINGS_ID },
    create: { id: EMAIL_SETTINGS_ID, ...data, ...secretColumns },
    update: { ...data, ...secretColumns },
  });
  const changed = Object.entries(columns)
    .filter(([key, value]) => (before as Record<string, unknown> | null)?.[key] !== value)
    .map(([key]) => key);
  if (secret) changed.push('password');
  // Where credentials now go, for the audit log, when that changed (finding 3 of the security review).
  const hostOf = (server: string | undefined) => {
    const parsed = parseSmtpServer(server ?? '');
    return parsed.ok ? parsed.value : null;
  };
  const previous = before ? decodeEmailSettings(before, () => '').transport : null;
  const from = previous ? hostOf(transportDefinition(previous).server(previous) ?? undefined) : null;
  const to = hostOf(definition.server(transport) ?? undefined);
  return { ok: true, changed, summary: columns, destination: from !== to ? { from, to } : null };
}
