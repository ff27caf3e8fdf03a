// Throttling on demand: the next `count` requests to a service are refused as Microsoft refuses them
// (HTTP 429 with Retry-After, or SMTP 432 4.3.2).

export type ThrottledService = 'graph' | 'token' | 'smtp';

export interface ThrottleRule {
  service: ThrottledService;
  count: number;
  retryAfterSeconds: number;
}

export class ThrottleInjector {
  private readonly rules = new Map<ThrottledService, { remaining: number; retryAfterSeconds: number }>();

  inject(rule: ThrottleRule): void {
    if (rule.count <= 0) this.rules.delete(rule.service);
    else this.rules.set(rule.service, { remaining: rule.count, retryAfterSeconds: rule.retryAfterSeconds });
  }

  /** The Retry-After seconds when this request is to be throttled, else undefined. */
  take(service: ThrottledService): number | undefined {
    const rule = this.rules.get(service);
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.delete(service);
    return rule.retryAfterSeconds;
  }

  clear(): void {
    this.rules.clear();
  }
}
