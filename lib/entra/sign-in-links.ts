import 'server-only';
import { db } from '@/lib/db/prisma';
import { randomToken, sha256 } from './pkce';

// Single-use links that let a mailbox user finish Setup Authentication for one connection without a console
// account. The token is shown once to the administrator; only its hash is stored.

export const SIGN_IN_LINK_LIFETIME_MS = 24 * 3600_000;
export const SIGN_IN_LINK_PATH = '/wm/externalAuth/sign-in/';

export async function createSignInLink(connectionId: string, createdBy: { id: string; email: string }) {
  const token = randomToken();
  const link = await db().signInLink.create({
    data: {
      tokenHash: sha256(token),
      connectionId,
      createdById: createdBy.id,
      createdByEmail: createdBy.email,
      expiresAt: new Date(Date.now() + SIGN_IN_LINK_LIFETIME_MS),
    },
  });
  return { token, link };
}

/** The link for a token, when it can still be used; otherwise why not, in words for the person holding it. */
export async function findUsableSignInLink(token: string) {
  const link = await db().signInLink.findUnique({
    where: { tokenHash: sha256(token) },
    include: {
      connection: {
        select: {
          id: true,
          name: true,
          tenant: { select: { name: true } },
          service: { select: { name: true, authType: true } },
        },
      },
    },
  });
  if (!link)
    return { ok: false as const, reason: 'This sign-in link is not valid. Ask your administrator for a new one.' };
  if (link.revokedAt)
    return {
      ok: false as const,
      reason: 'This sign-in link was withdrawn by an administrator. Ask them for a new one.',
    };
  if (link.usedAt)
    return {
      ok: false as const,
      reason: 'This sign-in link was already used. Ask your administrator for a new one if you need to sign in again.',
    };
  if (link.expiresAt.getTime() <= Date.now())
    return {
      ok: false as const,
      reason: 'This sign-in link has expired (links last 24 hours). Ask your administrator for a new one.',
    };
  return { ok: true as const, link };
}

export async function revokeSignInLinks(connectionId: string): Promise<number> {
  const { count } = await db().signInLink.updateMany({
    where: { connectionId, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}

export function getOpenSignInLinks(connectionId: string) {
  return db().signInLink.findMany({
    where: { connectionId, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, createdAt: true, expiresAt: true, createdByEmail: true },
  });
}
