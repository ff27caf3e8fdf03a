import { describe, expect, it } from 'vitest';

describe('instrumentation-client', () => {
  it('turns zod’s string compilation off where zod reads its configuration', async () => {
    const { config, object, string } = await import('zod');
    const before = config().jitless;
    await import('./instrumentation-client');
    expect(config().jitless).toBe(true);
    // An object schema parses without compiling a string (what the policy would refuse in the browser).
    const compiled: string[] = [];
    const original = globalThis.Function;
    globalThis.Function = new Proxy(original, {
      construct: (target, args: string[]) => {
        compiled.push(args.join());
        return Reflect.construct(target, args);
      },
    });
    try {
      expect(object({ name: string() }).safeParse({ name: 'x' }).success).toBe(true);
    } finally {
      globalThis.Function = original;
      // The browser's setting only: other test files of this worker parse as the server does.
      config({ jitless: before });
    }
    expect(compiled).toEqual([]);
  });
});
