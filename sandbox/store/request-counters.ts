// How many requests each endpoint answered: tests use it to prove a token came from the cache or that a
// refresh happened exactly once.

export type CounterName =
  | `token:${string}`
  | 'graph:request'
  | 'graph:sendMail'
  | 'smtp:auth'
  | 'smtp:authFailure'
  | 'smtp:message'
  | 'smtp:concurrencyRefused'
  | 'smtp:rateExceeded'
  | 'authorize:signIn'
  | 'authorize:consent'
  | 'authorize:adminConsent';

export class RequestCounters {
  private readonly counts = new Map<string, number>();

  increment(name: CounterName): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  get(name: CounterName): number {
    return this.counts.get(name) ?? 0;
  }

  /** Token requests by grant_type (`authorization_code`, `refresh_token`, `client_credentials`). */
  tokenRequests(grantType: string): number {
    return this.get(`token:${grantType}`);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}
