import type { DeliveryOutcome } from './delivery-outcome';
import { parseRetryAfter } from './parse-retry-after';

// A Graph answer that was not a success, as the outbox sees it: 429 and 5xx are transient (Retry-After obeyed),
// every other 4xx is permanent. Universal.

export interface GraphFailure {
  status: number;
  code: string;
  message: string;
  retryAfter?: string | null;
}

export function classifyGraphResponse(failure: GraphFailure): DeliveryOutcome {
  const code = failure.code ? `${failure.status} ${failure.code}` : String(failure.status);
  const answer = `${failure.status} ${failure.code || 'Error'}: ${failure.message}`.replace(/\s+/g, ' ').slice(0, 1000);
  const retryAfterMs = parseRetryAfter(failure.retryAfter);
  if (failure.status === 429)
    return { kind: 'retry', code, answer, throttled: true, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  if (failure.status >= 500 || failure.status <= 0)
    return { kind: 'retry', code, answer, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  return { kind: 'failed', code, answer };
}
