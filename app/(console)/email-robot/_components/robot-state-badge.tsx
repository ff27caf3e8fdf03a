import { type BadgeTone, StatusBadge } from '@/components/ui/status-badge';

/** A robot mailbox at a glance: disabled, throttled, failing, or running. */
export function RobotStateBadge({
  enabled,
  lastError,
  throttledUntil,
}: {
  enabled: boolean;
  lastError: string | null;
  throttledUntil: Date | null;
}) {
  let tone: BadgeTone = 'success';
  let label = 'Running';
  if (!enabled) [tone, label] = ['neutral', 'Disabled'];
  else if (throttledUntil && throttledUntil > new Date()) [tone, label] = ['warning', 'Throttled'];
  else if (lastError) [tone, label] = ['danger', 'Error'];
  return <StatusBadge tone={tone}>{label}</StatusBadge>;
}
