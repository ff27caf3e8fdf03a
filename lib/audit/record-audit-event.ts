import 'server-only';
import { db } from '@/lib/db/prisma';
import { logger } from '@/lib/log/logger';
import { redact } from './redact';

export interface AuditActor {
  id: string | null;
  email: string | null;
}

export interface AuditEventInput {
  actor: AuditActor | null;
  action: string;
  summary: string;
  target?: { type: string; id?: string | null };
  details?: Record<string, unknown>;
  outcome?: 'success' | 'failure';
  ipAddress?: string | null;
  userAgent?: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, email: 'system' };

export async function recordAuditEvent(input: AuditEventInput): Promise<void> {
  try {
    await db().auditEvent.create({
      data: {
        actorId: input.actor?.id ?? null,
        actorEmail: input.actor?.email ?? null,
        action: input.action,
        summary: input.summary,
        targetType: input.target?.type ?? null,
        targetId: input.target?.id ?? null,
        details: input.details ? JSON.stringify(redact(input.details)) : null,
        outcome: input.outcome ?? 'success',
        ipAddress: input.ipAddress ?? null,
        userAgent: input.userAgent ?? null,
      },
    });
  } catch (error) {
    // An audit write that fails must be visible to operators, but must not turn a done change into an error.
    logger.error('audit.write_failed', { action: input.action, error: (error as Error).message });
  }
}
