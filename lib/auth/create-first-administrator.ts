import 'server-only';
import { db } from '@/lib/db/prisma';
import { hashPassword } from './password';

/**
 * Creates the first administrator, or returns null when one exists. The count and the insert share a
 * serialisable transaction so that two first-run forms submitted together cannot both succeed.
 */
export async function createFirstAdministrator(input: { name: string; email: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(
      async (tx) => {
        if ((await tx.administrator.count()) > 0) return null;
        return tx.administrator.create({ data: { name: input.name, email: input.email, passwordHash } });
      },
      { isolationLevel: 'Serializable' },
    );
  } catch (error) {
    // A serialisation failure means another setup won the race.
    if ((await db().administrator.count()) > 0) return null;
    throw error;
  }
}
