// A first-come, first-served lock for one process. Universal (no I/O). Used to keep the SQLite connection's
// transactions apart: Prisma's interactive transactions and the outbox's direct statements take turns.

export interface AsyncLock {
  /** Resolves with the function that releases the lock, once every earlier holder has released it. */
  acquire(): Promise<() => void>;
}

export function createAsyncLock(): AsyncLock {
  let held = false;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else held = false;
  };
  return {
    acquire() {
      if (!held) {
        held = true;
        return Promise.resolve(release);
      }
      return new Promise((resolve) => waiting.push(() => resolve(release)));
    },
  };
}
