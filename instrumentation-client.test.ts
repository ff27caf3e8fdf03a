import { describe, expect, it } from 'vitest';

describe('instrumentation-client', () => {
  it('turns zod’s string compilation off where zod reads its configuration', async () => {
    await import('./instrumentation-client');
    const { config, object, string } = await import('zod');
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
    }
    expect(compiled).toEqual([]);
  });
});
