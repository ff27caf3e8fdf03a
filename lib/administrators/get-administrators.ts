import 'server-only';
import { db } from '@/lib/db/prisma';

export function getAdministrators() {
  return db().administrator.findMany({
    orderBy: { email: 'asc' },
    select: { id: true, name: true, email: true, disabledAt: true, lastLoginAt: true, createdAt: true },
  });
}
