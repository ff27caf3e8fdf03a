'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getCurrentAdmin } from '@/lib/auth/current-admin';
import { setOptionalCapability } from '@/lib/connections/set-optional-capability';
import { requestContext } from '@/lib/http/client-address';

const inputSchema = z.object({ connectionId: z.string().min(1).max(64), key: z.string().min(1).max(100), on: z.boolean() });

export type CapabilityActionResult = { ok: true; message: string } | { ok: false; message: string };

// POST (action) - turn one optional capability of a saved connection on or off (the switch on the connection form)
export async function setOptionalCapabilityAction(connectionId: string, key: string, on: boolean): Promise<CapabilityActionResult> {
  const current = await getCurrentAdmin();
  if (!current) return { ok: false, message: 'Your session has ended. Sign in again.' };
  const parsed = inputSchema.safeParse({ connectionId, key, on });
  if (!parsed.success) return { ok: false, message: 'This capability cannot be changed.' };
  const result = await setOptionalCapability(parsed.data.connectionId, parsed.data.key, parsed.data.on);
  if (!result.ok) return result;
  await recordAuditEvent({
    actor: { id: current.id, email: current.email },
    action: 'connection.capability',
    target: { type: 'connection', id: parsed.data.connectionId },
    summary: `Optional capability “${result.capability}” turned ${parsed.data.on ? 'on' : 'off'} for ${result.name}`,
    ...(await requestContext()),
  });
  revalidatePath('/integration/service-connections/connections');
  const again =
    result.signedIn && parsed.data.on
      ? ' Run Setup Authentication again so that Microsoft grants it; until then Microsoft may refuse this connection’s tokens (Needs re-authentication).'
      : '';
  return { ok: true, message: `“${result.capability}” is ${parsed.data.on ? 'on' : 'off'}.${again}` };
}
