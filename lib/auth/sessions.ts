import 'server-only';
import crypto from 'node:crypto';
import { db } from '@/lib/db/prisma';
import { env } from '@/lib/env';

// The cookie holds a random token; the database holds only its SHA-256, so a copy of the database cannot be
// used to sign in. Expiry slides with use, and a session can be revoked at any time.

const TOUCH_EVERY_MS = 60_000;

export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

function sessionLifetimeMs(): number {
  return env().SWITCHBOARD_SESSION_HOURS * 3_600_000;
}

export async function createSession(
  administratorId: string,
  context: { ipAddress: string | null; userAgent: string | null },
) {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionLifetimeMs());
  const session = await db().session.create({
    data: {
      tokenHash: hashSessionToken(token),
      administratorId,
      expiresAt,
      ipAddress: context.ipAddress,
      userAgent: context.userAgent,
    },
  });
  return { token, session };
}

export async function findActiveSession(token: string) {
  const session = await db().session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    include: { administrator: { select: { id: true, email: true, name: true, disabledAt: true } } },
  });
  const now = Date.now();
  if (!session || session.revokedAt || session.expiresAt.getTime() <= now || session.administrator.disabledAt)
    return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db().session.update({
      where: { id: session.id },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(now + sessionLifetimeMs()) },
    });
  }
  return session;
}

export async function revokeSessionByToken(token: string): Promise<void> {
  await db().session.updateMany({
    where: { tokenHash: hashSessionToken(token), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

export async function revokeSessionsOf(administratorId: string, exceptSessionId?: string): Promise<number> {
  const { count } = await db().session.updateMany({
    where: { administratorId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
