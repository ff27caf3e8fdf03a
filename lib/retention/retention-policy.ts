import 'server-only';
import { env } from '@/lib/env';

export interface RetentionPolicy {
  /** Sent outbox messages and handed-on robot messages lose their bodies, attachments and MIME after this. */
  bodyDays: number;
  /** …and their record after this (robot messages leave a tombstone). Failed and unhanded messages are kept. */
  recordDays: number;
  auditDays: number;
}

export function retentionPolicy(): RetentionPolicy {
  const config = env();
  return {
    bodyDays: config.SWITCHBOARD_RETENTION_BODY_DAYS,
    recordDays: config.SWITCHBOARD_RETENTION_RECORD_DAYS,
    auditDays: config.SWITCHBOARD_RETENTION_AUDIT_DAYS,
  };
}
