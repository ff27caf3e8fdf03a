// A thread run from a source string (`new Worker(source, { eval: true })`) that answers requests: the SQLite writer
// (open-sqlite-direct.ts) and the SMTP sender (lib/mail/delivery/smtp-sender-thread.ts). Both match replies to
// requests by id and fail every waiting request when the thread ends, so that a caller never waits on a dead thread
// and starts a new one at its next request. Here, in the foundation layer, as both a foundation and a feature use it.
// No `server-only`: the SQLite writer is built by scripts too.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface RequestThreadOptions {
  /** The thread's code: plain CommonJS, answering `{ id, value }` or `{ id, error: { message, ...fields } }`. */
  source: string;
  /** A package the thread requires: its entry file's path is given to it as `workerData.driver`. */
  driver: string;
  workerData?: Record<string, unknown>;
  /** The message of the error (code ETHREAD) that waiting requests fail with when the thread stops. */
  stoppedMessage: string;
  /** Holds the process open while a request waits, and only then (otherwise the thread never does). */
  holdWhilePending?: boolean;
  /** After a reply, when no request waits any more. */
  onIdle?(): void;
  /** Once, when the thread ends (an error, its exit, or stop()), after the waiting requests failed. */
  onEnd?(): void;
}

export interface RequestThread {
  /** Posts `{ ...message, id }`; resolves with the reply's value, rejects with its error rebuilt. */
  request<T>(message: object): Promise<T>;
  /** Posts a message without a reply. */
  post(message: object): void;
  /** False once the thread ended: the caller then starts a new one. */
  readonly alive: boolean;
  stop(): void;
}

type Reply = { id: number; value: unknown } | { id: number; error: { message: string } & Record<string, unknown> };

export function startRequestThread(options: RequestThreadOptions): RequestThread {
  // Resolved from the project (the working folder of every entry point): inside Next's bundle a module's own URL
  // says little about where node_modules is.
  const driver = createRequire(path.join(process.cwd(), 'package.json')).resolve(options.driver);
  const worker = new Worker(options.source, { eval: true, workerData: { ...options.workerData, driver } });
  worker.unref();
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  let ended = false;

  const stopped = () => Object.assign(new Error(options.stoppedMessage), { code: 'ETHREAD' });
  const end = (error: Error) => {
    if (ended) return;
    ended = true;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    options.onEnd?.();
  };

  worker.on('message', (reply: Reply) => {
    // A reply that was under way when the thread was stopped: its request has failed already.
    if (ended) return;
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) {
      if (options.holdWhilePending) worker.unref();
      options.onIdle?.();
    }
    if (!waiter) return;
    if ('error' in reply) waiter.reject(Object.assign(new Error(reply.error.message), reply.error));
    else waiter.resolve(reply.value);
  });
  worker.on('error', (error) => end(Object.assign(error, { code: 'ETHREAD' })));
  worker.on('exit', () => end(stopped()));

  return {
    request<T>(message: object) {
      // A message posted to a thread that ended would never be answered.
      if (ended) return Promise.reject(stopped());
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        // Throws for what cannot be copied to the thread (a stream, say): this request fails, nothing is waiting.
        worker.postMessage({ ...message, id });
        if (options.holdWhilePending && pending.size === 0) worker.ref();
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      });
    },
    post(message) {
      if (!ended) worker.postMessage(message);
    },
    get alive() {
      return !ended;
    },
    stop() {
      end(stopped());
      void worker.terminate();
    },
  };
}
