import 'server-only';
import { db } from '@/lib/db/prisma';
import { splitScopes } from '@/lib/entra/oauth-scopes';
import { forgetAccessTokens } from '@/lib/entra/recent-access-tokens';

export type SetCapabilityResult =
  { ok: true; name: string; capability: string; enabled: string[]; signedIn: boolean } | { ok: false; message: string };

/**
 * Turns one optional capability of a connection's service on or off at once (so a following Setup Authentication
 * asks for it). The sign-in is kept: what was granted still works, the new scopes come with the next sign-in.
 */
export async function setOptionalCapability(
  connectionId: string,
  key: string,
  on: boolean,
): Promise<SetCapabilityResult> {
  const row = await db().serviceConnection.findUnique({
    where: { id: connectionId },
    select: {
      name: true,
      state: true,
      optionalCapabilities: true,
      service: { select: { capabilities: { where: { optional: true }, select: { key: true, name: true } } } },
    },
  });
  if (!row) return { ok: false, message: 'This connection no longer exists.' };
  const capability = row.service.capabilities.find((c) => c.key === key);
  if (!capability) return { ok: false, message: 'The service has no such optional capability.' };
  const current = splitScopes(row.optionalCapabilities);
  const next = on ? [...new Set([...current, key])] : current.filter((k) => k !== key);
  // Conditional on what was read, so two administrators toggling at once do not drop each other's change.
  const { count } = await db().serviceConnection.updateMany({
    where: { id: connectionId, optionalCapabilities: row.optionalCapabilities },
    data: { optionalCapabilities: next.join(' ') },
  });
  if (count === 0) return { ok: false, message: 'The connection changed meanwhile: reload the page.' };
  forgetAccessTokens(connectionId);
  return {
    ok: true,
    name: row.name,
    capability: capability.name,
    enabled: next,
    signedIn: row.state === 'authenticated',
  };
}
