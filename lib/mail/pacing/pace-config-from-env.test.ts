import { describe, expect, it } from 'vitest';
import { EnvironmentError, parseEnv } from '@/lib/env';
import { paceConfigFromEnv } from './pace-config-from-env';

describe('paceConfigFromEnv', () => {
  it('defaults to Microsoft’s limits and leaves plain SMTP unpaced', () => {
    expect(paceConfigFromEnv(parseEnv({}))).toEqual({
      'exchange-smtp': { concurrency: 3, perWindow: 30, windowMs: 60_000 },
      graph: { concurrency: 4, perWindow: 10_000, windowMs: 600_000 },
      'plain-smtp': null,
    });
  });

  it('takes the limit and the window of each route, and paces plain SMTP once one of its variables is set', () => {
    const config = paceConfigFromEnv(
      parseEnv({
        SWITCHBOARD_PACE_SMTP_PER_WINDOW: '30',
        SWITCHBOARD_PACE_SMTP_WINDOW_SECONDS: '6',
        SWITCHBOARD_PACE_GRAPH_CONCURRENCY: '2',
        SWITCHBOARD_PACE_PLAIN_SMTP_PER_WINDOW: '100',
      }),
    );
    expect(config['exchange-smtp']).toEqual({ concurrency: 3, perWindow: 30, windowMs: 6000 });
    expect(config.graph?.concurrency).toBe(2);
    expect(config['plain-smtp']).toMatchObject({ perWindow: 100, windowMs: 60_000 });
  });

  it('names a wrong value', () => {
    expect(() => parseEnv({ SWITCHBOARD_PACE_SMTP_CONCURRENCY: '0' })).toThrow(EnvironmentError);
    expect(() => parseEnv({ SWITCHBOARD_PACE_GRAPH_WINDOW_SECONDS: 'soon' })).toThrow(
      /SWITCHBOARD_PACE_GRAPH_WINDOW_SECONDS: must be a number/,
    );
  });
});
