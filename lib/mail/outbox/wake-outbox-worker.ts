// The API and the console hand a message to the worker without waiting for its next poll. The worker runs in the
// server entry and the handlers in Next's bundle, each with its own copy of this module, so the wake-up goes
// through globalThis. Universal; on a second instance the message is picked up by polling.

const KEY = Symbol.for('switchboard.outbox.wakers');

function wakers(): Set<() => void> {
  const holder = globalThis as typeof globalThis & { [KEY]?: Set<() => void> };
  holder[KEY] ??= new Set();
  return holder[KEY];
}

export function wakeOutboxWorker(): void {
  for (const wake of wakers()) wake();
}

/** Registers a worker's wake-up; returns the function that unregisters it. */
export function onOutboxWake(wake: () => void): () => void {
  wakers().add(wake);
  return () => wakers().delete(wake);
}

/** Whether an outbox worker runs in this process (the health details report it). */
export function outboxWorkerRunsHere(): boolean {
  return wakers().size > 0;
}
