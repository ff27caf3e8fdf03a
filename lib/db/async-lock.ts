// A lock for one process. Universal (no I/O). Used to keep the SQLite connection's transactions apart: Prisma's
// interactive transactions and the outbox's direct statements take turns. First come, first served, except that an
// urgent holder (the outbox worker's batched writes) goes before every ordinary one still waiting: under a burst of
// API requests, each waiting with its own transaction, the worker would otherwise wait behind all of them for every
// claim and every commit, and delivery would stall while acceptance goes on (one urgent write serves a whole batch).

export interface AsyncLock {
  /** Resolves with the function that releases the lock, once every earlier holder (and urgent waiter) released it. */
  acquire(options?: { urgent?: boolean }): Promise<() => void>;
}

export function createAsyncLock(): AsyncLock {
  let held = false;
  const urgent: (() => void)[] = [];
  const ordinary: (() => void)[] = [];
  const release = () => {
    const next = urgent.shift() ?? ordinary.shift();
    if (next) next();
    else held = false;
  };
  return {
    acquire(options) {
      if (!held) {
        held = true;
        return Promise.resolve(release);
      }
      const queue = options?.urgent ? urgent : ordinary;
      return new Promise((resolve) => queue.push(() => resolve(release)));
    },
  };
}
