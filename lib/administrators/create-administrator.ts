import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';

export async function createAdministrator(input: { name: string; email: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  try {
    const admin = await db().administrator.create({ data: { name: input.name, email: input.email, passwordHash } });
    return { ok: true as const, admin };
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false as const, error: 'An administrator with this email already exists' };
    throw error;
  }
}
