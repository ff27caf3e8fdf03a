import { describe, expect, it } from 'vitest';
import { classifyGraphResponse } from './classify-graph-response';

describe('classifyGraphResponse', () => {
  it('retries 429 after Retry-After, as throttling', () => {
    expect(
      classifyGraphResponse({ status: 429, code: 'ApplicationThrottled', message: 'Over the limit.', retryAfter: '2' }),
    ).toEqual({
      kind: 'retry',
      code: '429 ApplicationThrottled',
      answer: '429 ApplicationThrottled: Over the limit.',
      throttled: true,
      retryAfterMs: 2000,
    });
  });

  it('retries 5xx and no answer at all; stops at any other 4xx', () => {
    expect(classifyGraphResponse({ status: 503, code: 'ServiceUnavailable', message: 'x' }).kind).toBe('retry');
    expect(classifyGraphResponse({ status: 0, code: 'NetworkError', message: 'ECONNRESET' }).kind).toBe('retry');
    expect(classifyGraphResponse({ status: 403, code: 'ErrorAccessDenied', message: 'Access is denied.' })).toEqual({
      kind: 'failed',
      code: '403 ErrorAccessDenied',
      answer: '403 ErrorAccessDenied: Access is denied.',
    });
    expect(classifyGraphResponse({ status: 401, code: 'InvalidAuthenticationToken', message: 'expired' }).kind).toBe(
      'failed',
    );
  });
});
