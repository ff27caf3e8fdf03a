import { StatusBadge } from '@/components/ui/status-badge';
import { type ApplicationFacts, connectionStateLabel } from '@/lib/connections/connection-states';

const TONE = {
  not_authenticated: 'neutral',
  authenticated: 'success',
  needs_reauth: 'warning',
  error: 'danger',
} as const;

export function ConnectionStateBadge({
  state,
  accountUsername,
  application,
}: {
  state: string;
  accountUsername?: string | null;
  application?: ApplicationFacts;
}) {
  const tone = (TONE as Record<string, 'neutral' | 'success' | 'warning' | 'danger'>)[state] ?? 'neutral';
  return <StatusBadge tone={tone}>{connectionStateLabel(state, accountUsername, application)}</StatusBadge>;
}
