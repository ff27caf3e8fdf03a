import 'server-only';
import { db } from '@/lib/db/prisma';

export const AUDIT_PAGE_SIZE = 50;

export async function getAuditEvents({ page, query }: { page: number; query?: string }) {
  const where = query
    ? { OR: [{ summary: { contains: query } }, { actorEmail: { contains: query } }, { action: { contains: query } }] }
    : {};
  const [events, total] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db().auditEvent.count({ where }),
  ]);
  return { events, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
