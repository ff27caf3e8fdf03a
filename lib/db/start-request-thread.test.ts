import { describe, expect, it, vi } from 'vitest';
import { startRequestThread } from './start-request-thread';

// A thread that answers `echo`, fails `fail` with an error's fields, never answers `hold` and ends at `exit`.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.type === 'echo') parentPort.postMessage({ id: m.id, value: { n: m.n, driver: workerData.driver, tag: workerData.tag } });
  else if (m.type === 'fail') parentPort.postMessage({ id: m.id, error: { message: 'Rejected.', code: 'EENVELOPE', responseCode: 550 } });
  else if (m.type === 'exit') process.exit(1);
});
`;

function start(options: { onIdle?(): void; onEnd?(): void } = {}) {
  return startRequestThread({
    source: SOURCE,
    driver: 'better-sqlite3',
    workerData: { tag: 'test' },
    stoppedMessage: 'The test thread stopped.',
    holdWhilePending: true,
    ...options,
  });
}

describe('startRequestThread', () => {
  it('answers each request by its id, rebuilds errors with their fields, and tells when nothing waits', async () => {
    const onIdle = vi.fn();
    const thread = start({ onIdle });
    try {
      const [a, b, failed] = await Promise.allSettled([
        thread.request({ type: 'echo', n: 1 }),
        thread.request({ type: 'echo', n: 2 }),
        thread.request({ type: 'fail' }),
      ]);
      expect(a).toMatchObject({ value: { n: 1, tag: 'test', driver: expect.stringContaining('better-sqlite3') } });
      expect(b).toMatchObject({ value: { n: 2 } });
      expect(failed.status).toBe('rejected');
      const error = (failed as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ message: 'Rejected.', code: 'EENVELOPE', responseCode: 550 });
      expect(onIdle).toHaveBeenCalledTimes(1);
      expect(thread.alive).toBe(true);
    } finally {
      thread.stop();
    }
  });

  it('fails only the request that cannot be copied to the thread, leaving nothing waiting', async () => {
    const onIdle = vi.fn();
    const thread = start({ onIdle });
    try {
      await expect(thread.request({ type: 'echo', n: () => 1 })).rejects.toMatchObject({ name: 'DataCloneError' });
      await expect(thread.request({ type: 'echo', n: 3 })).resolves.toMatchObject({ n: 3 });
      expect(onIdle).toHaveBeenCalledTimes(1);
      expect(thread.alive).toBe(true);
    } finally {
      thread.stop();
    }
  });

  it('fails every waiting request with ETHREAD when the thread exits, and every later one', async () => {
    const onEnd = vi.fn();
    const thread = start({ onEnd });
    const waiting = thread.request({ type: 'hold' });
    thread.post({ type: 'exit' });
    await expect(waiting).rejects.toMatchObject({ message: 'The test thread stopped.', code: 'ETHREAD' });
    expect(thread.alive).toBe(false);
    expect(onEnd).toHaveBeenCalledTimes(1);
    await expect(thread.request({ type: 'echo', n: 4 })).rejects.toMatchObject({ code: 'ETHREAD' });
    thread.stop();
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('fails the waiting requests when stopped', async () => {
    const onEnd = vi.fn();
    const thread = start({ onEnd });
    const waiting = thread.request({ type: 'hold' });
    thread.stop();
    expect(thread.alive).toBe(false);
    expect(onEnd).toHaveBeenCalledTimes(1);
    await expect(waiting).rejects.toMatchObject({ message: 'The test thread stopped.', code: 'ETHREAD' });
  });
});
