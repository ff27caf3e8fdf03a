// Concurrent callers asking for the same key share one promise. Kept on globalThis because the server entry and
// Next's bundle load their own copies of this module in the same process, and they must still share refreshes.

const KEY = Symbol.for('switchboard.singleFlight');
type Flights = Map<string, Promise<unknown>>;

function flights(): Flights {
  const holder = globalThis as typeof globalThis & { [KEY]?: Flights };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

export function singleFlight<T>(key: string, run: () => Promise<T>): Promise<T> {
  const existing = flights().get(key) as Promise<T> | undefined;
  if (existing) return existing;
  const promise = run().finally(() => flights().delete(key));
  flights().set(key, promise);
  return promise;
}
