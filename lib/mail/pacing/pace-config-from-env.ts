import 'server-only';
import type { Env } from '@/lib/env';
import { env } from '@/lib/env';
import type { PaceConfig } from './pace-limits';

// An operator's setting, not a console one: the limits are Microsoft's (the same for every tenant and instance), and
// every instance must apply the same budget. Plain SMTP is paced only when one of its variables is set.

const NO_LIMIT = Number.MAX_SAFE_INTEGER;

export function paceConfigFromEnv(source: Env = env()): PaceConfig {
  const plain =
    source.SWITCHBOARD_PACE_PLAIN_SMTP_CONCURRENCY !== undefined ||
    source.SWITCHBOARD_PACE_PLAIN_SMTP_PER_WINDOW !== undefined ||
    source.SWITCHBOARD_PACE_PLAIN_SMTP_WINDOW_SECONDS !== undefined;
  return {
    'exchange-smtp': {
      concurrency: source.SWITCHBOARD_PACE_SMTP_CONCURRENCY,
      perWindow: source.SWITCHBOARD_PACE_SMTP_PER_WINDOW,
      windowMs: source.SWITCHBOARD_PACE_SMTP_WINDOW_SECONDS * 1000,
    },
    graph: {
      concurrency: source.SWITCHBOARD_PACE_GRAPH_CONCURRENCY,
      perWindow: source.SWITCHBOARD_PACE_GRAPH_PER_WINDOW,
      windowMs: source.SWITCHBOARD_PACE_GRAPH_WINDOW_SECONDS * 1000,
    },
    'plain-smtp': plain
      ? {
          concurrency: source.SWITCHBOARD_PACE_PLAIN_SMTP_CONCURRENCY ?? NO_LIMIT,
          perWindow: source.SWITCHBOARD_PACE_PLAIN_SMTP_PER_WINDOW ?? NO_LIMIT,
          windowMs: (source.SWITCHBOARD_PACE_PLAIN_SMTP_WINDOW_SECONDS ?? 60) * 1000,
        }
      : null,
  };
}
