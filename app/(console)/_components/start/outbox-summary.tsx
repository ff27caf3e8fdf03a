import Link from 'next/link';
import { formatDateTime } from '@/components/ui/format-date';
import { getOutboxCounts } from '@/lib/mail/outbox/get-outbox-counts';
import { getOutboxLastDay } from '@/lib/mail/outbox/get-outbox-last-day';
import { OUTBOX_STATES, outboxStateLabel } from '@/lib/mail/outbox/outbox-states';
import { StartSection } from './start-section';

export async function OutboxSummary() {
  const [counts, day] = await Promise.all([getOutboxCounts(), getOutboxLastDay()]);
  return (
    <StartSection title="Outbox" href="/outbox" linkLabel="Open the outbox">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        {OUTBOX_STATES.map((state) => (
          <div key={state}>
            <dt className="text-slate-600">{outboxStateLabel(state)}</dt>
            <dd className="font-medium">{counts[state].toLocaleString('en-US')}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm">
        Last 24 hours: {day.sent.toLocaleString('en-US')} sent, {day.failed.toLocaleString('en-US')} failed.
      </p>
      {day.latestFailures.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm">
          {day.latestFailures.map((m) => (
            <li key={m.id}>
              <Link href={`/outbox/${m.id}`} className="font-medium text-brand-700 underline">
                {m.subject || '(no subject)'}
              </Link>{' '}
              <span className="text-xs text-slate-600">{formatDateTime(m.failedAt)}</span>
              {m.lastError ? <span className="block break-words text-xs text-red-800">{m.lastError}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </StartSection>
  );
}
