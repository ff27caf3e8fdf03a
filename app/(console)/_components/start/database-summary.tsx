import { getDatabaseSize } from '@/lib/db/get-database-size';
import { env } from '@/lib/env';
import { StartSection } from './start-section';

// How big the database is and what retention keeps it that way: without retention the file only ever grew.
export async function DatabaseSummary() {
  const size = await getDatabaseSize();
  const {
    SWITCHBOARD_RETENTION_BODY_DAYS: bodies,
    SWITCHBOARD_RETENTION_RECORD_DAYS: records,
    SWITCHBOARD_RETENTION_AUDIT_DAYS: audit,
  } = env();
  return (
    <StartSection title="Database">
      <p className="text-sm">
        {size.provider === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: {formatBytes(size.bytes)}
        {size.freeBytes ? ` (${formatBytes(size.freeBytes)} free inside, reused before it grows)` : ''}.
      </p>
      <p className="mt-1 text-xs text-slate-600">
        Retention: message bodies after {bodies} days, sent messages after {records} days (failed ones stay until
        handled), audit log after {audit} days.
      </p>
    </StartSection>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
