// Throttling on demand: the next `count` requests to a service are refused as Microsoft refuses them
// (HTTP 429 with Retry-After, or SMTP 432 4.3.2). A rule may name a part of the request path (`pathContains`,
// e.g. "/sendMail") so that tests running side by side against one sandbox throttle only their own calls.

export type ThrottledService = 'graph' | 'token' | 'smtp';

export interface ThrottleRule {
  service: ThrottledService;
  count: number;
  retryAfterSeconds: number;
  pathContains?: string;
}

interface ActiveRule {
  remaining: number;
  retryAfterSeconds: number;
  pathContains?: string;
}

export class ThrottleInjector {
  private readonly rules = new Map<string, ActiveRule>();

  inject(rule: ThrottleRule): void {
    const key = `${rule.service}|${rule.pathContains ?? ''}`;
    if (rule.count <= 0) this.rules.delete(key);
    else
      this.rules.set(key, {
        remaining: rule.count,
        retryAfterSeconds: rule.retryAfterSeconds,
        pathContains: rule.pathContains,
      });
  }

  /** The Retry-After seconds when this request is to be throttled, else undefined. */
  take(service: ThrottledService, path = ''): number | undefined {
    for (const [key, rule] of this.rules) {
      if (!key.startsWith(`${service}|`)) continue;
      if (rule.pathContains && !path.includes(rule.pathContains)) continue;
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.rules.delete(key);
      return rule.retryAfterSeconds;
    }
    return undefined;
  }

  clear(): void {
    this.rules.clear();
  }
}
