import 'server-only';
import { db } from '@/lib/db/prisma';
import { createSignInLink } from '@/lib/entra/sign-in-links';

export type IssuedSignInLink =
  { ok: true; name: string; token: string; expiresAt: Date } | { ok: false; message: string };

/** Send sign-in link: a single-use link for the mailbox user of a delegated connection (the token is shown once). */
export async function issueSignInLink(
  connectionId: string,
  createdBy: { id: string; email: string },
): Promise<IssuedSignInLink> {
  const connection = await db().serviceConnection.findUnique({
    where: { id: connectionId },
    select: { name: true, service: { select: { authType: true } } },
  });
  if (!connection) return { ok: false, message: 'The connection no longer exists.' };
  if (connection.service.authType === 'application')
    return { ok: false, message: 'This service uses client credentials: nobody needs to sign in.' };
  const { token, link } = await createSignInLink(connectionId, createdBy);
  return { ok: true, name: connection.name, token, expiresAt: link.expiresAt };
}
