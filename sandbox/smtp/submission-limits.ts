import type { SandboxSettings } from '../config/sandbox-config-schema';

// Exchange Online's SMTP AUTH limits per mailbox (Microsoft Learn, "Message storage and concurrent connection
// throttling for SMTP Authenticated Submission"): up to three connections may submit at the same time, a further one
// is answered `432 4.3.2 Concurrent connections limit exceeded.`; 30 messages a minute, beyond which "any excess in
// message submissions is throttled and successively carried over to the following minutes" (accepted, delivered
// later). A connection submits from MAIL FROM until its transaction ends (the answer to DATA, RSET or the close).

export class SubmissionLimits {
  /** Sessions submitting now, per mailbox; and per session, whether it was over the limit when it began. */
  private readonly submitting = new Map<string, Set<string>>();
  private readonly sessions = new Map<string, { mailbox: string; overLimit: boolean }>();
  /** Per mailbox, when each accepted message counts (its delivery time, later than its submission when carried over). */
  private readonly accepted = new Map<string, number[]>();

  constructor(private readonly settings: SandboxSettings) {}

  /** MAIL FROM: the session starts submitting for `mailbox`. */
  begin(sessionId: string, mailbox: string): void {
    this.end(sessionId);
    const active = this.submitting.get(mailbox) ?? new Set<string>();
    const limit = this.settings.smtpConcurrentSubmissionsPerMailbox;
    const overLimit = limit !== undefined && active.size >= limit;
    if (!overLimit) active.add(sessionId);
    this.submitting.set(mailbox, active);
    this.sessions.set(sessionId, { mailbox, overLimit });
  }

  /** Whether the session's submission began over the concurrency limit (it is then answered 432 at DATA). */
  overConcurrency(sessionId: string): boolean {
    return this.sessions.get(sessionId)?.overLimit ?? false;
  }

  /** The transaction is over (answered, reset or closed). */
  end(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.sessions.delete(sessionId);
    this.submitting.get(session.mailbox)?.delete(sessionId);
  }

  /**
   * Counts an accepted message against the mailbox's rate; returns how long its delivery is carried over (0 within
   * the rate). The window slides: a message counts for `smtpRateWindowSeconds` from the time it is delivered.
   */
  accept(mailbox: string, now = Date.now()): number {
    const limit = this.settings.smtpMessagesPerWindow;
    if (limit === undefined) return 0;
    const windowMs = this.settings.smtpRateWindowSeconds * 1000;
    const times = (this.accepted.get(mailbox) ?? []).filter((t) => t > now - windowMs);
    // Delivered in order: the next free place is one window after the message `limit` places back.
    const at = times.length < limit ? now : Math.max(now, (times[times.length - limit] ?? now) + windowMs);
    times.push(at);
    this.accepted.set(mailbox, times);
    return at - now;
  }
}
