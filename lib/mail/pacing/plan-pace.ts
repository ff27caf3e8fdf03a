import type { PaceLimits } from './pace-limits';

// The budget arithmetic of one sending mailbox, as a pure function. Universal.

export interface PaceState {
  /** Deliveries under way now. */
  inFlight: number;
  /**
   * When each delivery still counted in the window stops counting (its answer + the window); a delivery under way
   * counts at least until now + the window.
   */
  countedUntil: number[];
  /** Paused (after throttling) until then, or null. */
  pausedUntil: number | null;
}

export interface PacePlan {
  /** How many of the waiting messages may go now. */
  grant: number;
  /** For each of the others, in order, the earliest time worth trying again. */
  later: number[];
}

/** How soon to look again when only the concurrency is full (a delivery under way ends at an unknown time). */
export const CONCURRENCY_RECHECK_MS = 250;

/**
 * Of `wanted` waiting messages, how many may go now, and when the rest may. A message may go while fewer than
 * `concurrency` are under way, fewer than `perWindow` are counted in the window, and the mailbox is not paused. The
 * times for the rest are the earliest the window can have room for each in turn (the k-th waiting one goes when the
 * k-th counted one leaves, then one window after those that went before it): a hint for when to look again, since
 * every grant is decided against the store at that time.
 */
export function planPace(limits: PaceLimits, state: PaceState, now: number, wanted: number): PacePlan {
  const paused = state.pausedUntil !== null && state.pausedUntil > now;
  const counted = state.countedUntil.filter((until) => until > now).sort((a, b) => a - b);
  const byConcurrency = limits.concurrency - state.inFlight;
  const byRate = limits.perWindow - counted.length;
  const grant = paused ? 0 : Math.max(0, Math.min(wanted, byConcurrency, byRate));
  // Those granted now count until at least one window from now.
  const ends = [...counted, ...Array.from({ length: grant }, () => now + limits.windowMs)];
  const start = paused ? (state.pausedUntil as number) : now;
  const concurrencyFull = !paused && byConcurrency - grant <= 0;
  const later: number[] = [];
  for (let i = 0; i < wanted - grant; i++) {
    // The window has room for this one once the entry `perWindow` places before it has left.
    const index = ends.length - limits.perWindow;
    const byWindow = index >= 0 ? (ends[index] as number) : start;
    const at = Math.max(start, byWindow, concurrencyFull ? now + CONCURRENCY_RECHECK_MS : start);
    later.push(at);
    ends.push(at + limits.windowMs);
  }
  return { grant, later };
}
