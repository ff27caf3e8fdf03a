import { StatusBadge } from '@/components/ui/status-badge';

/** Where one stored message is: handed on (or waiting for its webhook), and marked or moved in the mailbox. */
export function MessageStateBadges({
  handoffState,
  handoffAttempts,
  mailboxAction,
}: {
  handoffState: string;
  handoffAttempts: number;
  mailboxAction: string;
}) {
  const handoff =
    handoffState === 'delivered' ? (
      <StatusBadge tone="success">Handed on</StatusBadge>
    ) : handoffState === 'not_configured' ? (
      <StatusBadge tone="info">Console only</StatusBadge>
    ) : handoffAttempts > 0 ? (
      <StatusBadge tone="danger">Retrying ({handoffAttempts} failed)</StatusBadge>
    ) : (
      <StatusBadge tone="warning">Waiting</StatusBadge>
    );
  const action =
    mailboxAction === 'done' ? (
      <StatusBadge tone="success">Done in mailbox</StatusBadge>
    ) : mailboxAction === 'gone' ? (
      <StatusBadge>Gone from mailbox</StatusBadge>
    ) : (
      <StatusBadge>Not yet marked</StatusBadge>
    );
  return (
    <span className="flex flex-wrap gap-1">
      {handoff}
      {action}
    </span>
  );
}
