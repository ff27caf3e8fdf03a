import { type BadgeTone, StatusBadge } from '@/components/ui/status-badge';
import { outboxStateLabel } from '@/lib/mail/outbox/outbox-states';

const TONES: Record<string, BadgeTone> = { queued: 'info', sending: 'warning', sent: 'success', failed: 'danger' };

export function OutboxStateBadge({ state }: { state: string }) {
  return <StatusBadge tone={TONES[state] ?? 'neutral'}>{outboxStateLabel(state)}</StatusBadge>;
}
