import 'server-only';

/** Messages whose hand-off is done and whose mark-read or move is due: the only ones the robot may touch. */
export function dueActionsWhere(mailboxId: string, now: Date) {
  return {
    mailboxId,
    handoffState: { in: ['delivered', 'not_configured'] },
    mailboxAction: 'pending',
    OR: [{ nextMailboxActionAt: null }, { nextMailboxActionAt: { lte: now } }],
  };
}
