import 'server-only';
import crypto from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import { clearAttempts } from '@/lib/auth/rate-limit';
import { db } from '@/lib/db/prisma';
import { relayUsernameKey } from './relay-login-limits';

export type ResetRelayPassword =
  { ok: true; name: string; username: string; password: string } | { ok: false; message: string };

/** A new generated password for a password client (shown once); the old one stops working and a lock-out ends. */
export async function resetRelayClientPassword(id: string): Promise<ResetRelayPassword> {
  const client = await db().relayClient.findUnique({
    where: { id },
    select: { name: true, username: true, authMode: true },
  });
  if (!client) return { ok: false, message: 'This relay client no longer exists.' };
  if (client.authMode !== 'password' || !client.username)
    return { ok: false, message: 'This client sends without a password, from its listed networks.' };
  const password = crypto.randomBytes(18).toString('base64url');
  await db().relayClient.update({
    where: { id },
    data: { passwordHash: await hashPassword(password), lastError: null },
  });
  await clearAttempts(relayUsernameKey(client.username));
  return { ok: true, name: client.name, username: client.username, password };
}
