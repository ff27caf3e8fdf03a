'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminCallAction } from '@/lib/actions/admin-call-action';
import { setOptionalCapability } from '@/lib/connections/set-optional-capability';

const args = z.tuple([z.string().min(1).max(64), z.string().min(1).max(100), z.boolean()]);

export type CapabilityActionResult = { ok: true; message: string } | { ok: false; message: string };

const failed = (message: string): CapabilityActionResult => ({ ok: false, message });

// POST (action) - turn one optional capability of a saved connection on or off (the switch on the connection form);
// the switch shows every answer in place, a lost session too.
export const setOptionalCapabilityAction = adminCallAction(
  {
    args,
    audit: { action: 'connection.capability', target: 'connection' },
    failed,
    signedOut: 'answer',
    invalid: () => failed('This capability cannot be changed.'),
  },
  async ([connectionId, key, on], ctx): Promise<CapabilityActionResult> => {
    ctx.audit.target = connectionId;
    const result = await setOptionalCapability(connectionId, key, on);
    if (!result.ok) return result;
    ctx.audit.summary = `Optional capability “${result.capability}” turned ${on ? 'on' : 'off'} for ${result.name}`;
    revalidatePath('/integration/service-connections/connections');
    const again =
      result.signedIn && on
        ? ' Run Setup Authentication again so that Microsoft grants it; until then Microsoft may refuse this connection’s tokens (Needs re-authentication).'
        : '';
    return { ok: true, message: `“${result.capability}” is ${on ? 'on' : 'off'}.${again}` };
  },
);
