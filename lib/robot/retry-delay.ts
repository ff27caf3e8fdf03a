// How long to wait before the next try of a hand-off or a mailbox action after `attempt` failures: 10 s, 30 s,
// 1 min, 2 min, 5 min, 10 min, 30 min, then every hour, for as long as it takes (a message is never dropped).
// Universal and pure.

const STEPS_SECONDS = [10, 30, 60, 120, 300, 600, 1800];
const CAP_SECONDS = 3600;

export function retryDelayMs(attempt: number): number {
  const index = Math.max(1, Math.floor(attempt)) - 1;
  return (STEPS_SECONDS[index] ?? CAP_SECONDS) * 1000;
}
