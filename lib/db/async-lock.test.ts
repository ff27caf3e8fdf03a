import { describe, expect, it } from 'vitest';
import { createAsyncLock } from './async-lock';

describe('createAsyncLock', () => {
  it('serves one holder at a time, first come first served, with urgent waiters before ordinary ones', async () => {
    const lock = createAsyncLock();
    const order: string[] = [];
    const first = await lock.acquire();
    const take = (name: string, urgent = false) =>
      lock.acquire({ urgent }).then((release) => {
        order.push(name);
        release();
      });
    const all = [take('a'), take('b'), take('worker 1', true), take('c'), take('worker 2', true)];
    await Promise.resolve();
    expect(order).toEqual([]);
    first();
    await Promise.all(all);
    expect(order).toEqual(['worker 1', 'worker 2', 'a', 'b', 'c']);
  });

  it('is free again once the last holder released it', async () => {
    const lock = createAsyncLock();
    (await lock.acquire({ urgent: true }))();
    const release = await lock.acquire();
    let second = false;
    const waiting = lock.acquire().then((r) => ((second = true), r()));
    await Promise.resolve();
    expect(second).toBe(false);
    release();
    await waiting;
    expect(second).toBe(true);
  });
});
