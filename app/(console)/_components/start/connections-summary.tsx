import Link from 'next/link';
import { StatusBadge } from '@/components/ui/status-badge';
import { countConnectionsByState } from '@/lib/connections/count-connections-by-state';
import { connectionStateLabel } from '@/lib/connections/connection-states';
import { getConnectionsNeedingReauth } from '@/lib/connections/get-connections-needing-attention';
import { StartSection } from './start-section';

const LIST = '/integration/service-connections/connections';
// What needs a person comes first.
const ORDER = [
  ['needs_reauth', 'warning'],
  ['error', 'danger'],
  ['not_authenticated', 'neutral'],
  ['authenticated', 'success'],
] as const;

export async function ConnectionsSummary() {
  const [counts, reauth] = await Promise.all([countConnectionsByState(), getConnectionsNeedingReauth()]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <StartSection title="Connections" href={LIST} linkLabel="All connections">
      {total === 0 ? (
        <p className="text-sm text-slate-600">No connections yet.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {ORDER.filter(([state]) => counts[state] > 0).map(([state, tone]) => (
            <li key={state} className="flex items-center gap-2">
              <StatusBadge tone={tone}>{connectionStateLabel(state)}</StatusBadge>
              <span>{counts[state].toLocaleString('en-US')}</span>
            </li>
          ))}
        </ul>
      )}
      {reauth.first.length > 0 ? (
        <ul className="mt-3 space-y-1 text-sm">
          {reauth.first.map((c) => (
            <li key={c.id}>
              <Link href={`${LIST}/${c.id}`} className="font-medium text-brand-700 underline">
                {c.name}
              </Link>{' '}
              needs re-authentication
              {c.lastError ? <span className="block break-words text-xs text-slate-600">{c.lastError}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </StartSection>
  );
}
