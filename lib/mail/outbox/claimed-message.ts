import type { MessageRow } from './load-outbound-contents';

export interface ClaimedMessage {
  id: string;
  /** Attempts in this round, this one included. */
  attempts: number;
  /** Set when the claim also recorded this attempt "in progress" (see `start`): its id. */
  attemptId?: string;
  /**
   * The message as the claim read it, in the same transaction and before recording this attempt (its earlier attempts
   * and the ones left unfinished): the worker then reads nothing more for it (attachments aside).
   */
  row: MessageRow;
}

/** Record each claimed message's attempt "in progress" in the same statement. */
export interface StartWith {
  worker: string;
  transport: string;
}

/** A claim: up to `limit` due messages, leased for `leaseMs`, none of `exclude` (what this worker still sends). */
export interface ClaimRequest {
  limit: number;
  leaseMs: number;
  exclude: string[];
  start: StartWith | null;
}
