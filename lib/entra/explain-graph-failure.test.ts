import { describe, expect, it } from 'vitest';
import { explainGraphFailure } from './explain-graph-failure';
import { graphFailureOf } from './graph-failure';

const denied = {
  status: 403,
  code: 'ErrorAccessDenied',
  message: 'Access is denied. Check credentials and try again.',
};
const raop = {
  status: 403,
  code: 'ErrorAccessDenied',
  message: 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
};

describe('explainGraphFailure', () => {
  it('tells an application access policy from a missing permission, and a shared mailbox from the own one', () => {
    expect(
      explainGraphFailure(raop, 'read', { mode: 'application', address: 'patti@contoso.com', account: null }).meaning,
    ).toBe('An Exchange application access policy blocks this app from patti@contoso.com.');
    expect(
      explainGraphFailure(denied, 'read', { mode: 'application', address: 'patti@contoso.com', account: null }).fix,
    ).toMatch(/Mail\.ReadWrite/);
    expect(
      explainGraphFailure(denied, 'read', {
        mode: 'delegated',
        address: 'support@contoso.com',
        account: 'megan@contoso.com',
      }).meaning,
    ).toMatch(/^megan@contoso\.com cannot open support@contoso\.com: it has no Full Access/);
    expect(
      explainGraphFailure(denied, 'read', { mode: 'delegated', address: '', account: 'megan@contoso.com' }).meaning,
    ).toMatch(/does not allow reading/);
  });

  it('explains the token service, throttling, expired sync state and unknown mailboxes', () => {
    const ctx = { mode: 'delegated' as const, address: '', account: 'adele@contoso.com' };
    expect(
      explainGraphFailure(
        { status: 0, code: 'TokenUnavailable', tokenReason: 'needs_reauth', message: 'x' },
        'read',
        ctx,
      ).fix,
    ).toMatch(/Setup Authentication/);
    expect(
      explainGraphFailure({ status: 429, code: 'ApplicationThrottled', message: '', retryAfterSeconds: 7 }, 'read', ctx)
        .fix,
    ).toMatch(/waits 7 s/);
    expect(explainGraphFailure({ status: 410, code: 'SyncStateNotFound', message: '' }, 'read', ctx).fix).toMatch(
      /not handed on again/,
    );
    expect(
      explainGraphFailure({ status: 404, code: 'MailboxNotEnabledForRESTAPI', message: '' }, 'read', ctx).meaning,
    ).toMatch(/on-premises/);
    expect(
      explainGraphFailure({ status: 404, code: 'ErrorInvalidUser', message: '' }, 'read', {
        ...ctx,
        address: 'nobody@contoso.com',
      }).meaning,
    ).toBe('There is no user or mailbox nobody@contoso.com in this tenant.');
  });
});

describe('explainGraphFailure when sending and testing', () => {
  it('says what sending needs, and leaves the rest to the delivery explanations', () => {
    expect(explainGraphFailure(denied, 'send')?.title).toBe('Microsoft Graph denied access: Mail.Send is missing');
    expect(explainGraphFailure(raop, 'send')?.title).toBe(
      'An application access policy keeps the app out of this mailbox',
    );
    expect(explainGraphFailure({ status: 401, code: 'InvalidAuthenticationToken', message: '' }, 'send')?.title).toBe(
      'Microsoft Graph rejected the token',
    );
    expect(explainGraphFailure({ status: 429, code: 'ApplicationThrottled', message: '' }, 'send')).toBeNull();
  });

  it('explains a Test’s Graph call without the robot’s words', () => {
    expect(explainGraphFailure({ status: 401, code: 'InvalidAuthenticationToken', message: '' }, 'test')?.meaning).toBe(
      'Microsoft Graph refused the access token.',
    );
    expect(explainGraphFailure({ status: 0, code: 'NetworkError', message: '' }, 'test')?.fix).not.toMatch(/robot/);
  });
});

describe('graphFailureOf', () => {
  it('reads the Graph SDK error, Retry-After included, and names network failures', () => {
    const sdkError = Object.assign(new Error('Application is over its MailboxConcurrency limit.'), {
      statusCode: 429,
      code: 'ApplicationThrottled',
      headers: new Headers({ 'Retry-After': '12' }),
    });
    expect(graphFailureOf(sdkError)).toEqual({
      status: 429,
      code: 'ApplicationThrottled',
      message: 'Application is over its MailboxConcurrency limit.',
      retryAfterSeconds: 12,
    });
    // The SDK wraps errors raised before an answer as statusCode -1 with the original error's name as code.
    expect(graphFailureOf(Object.assign(new Error('fetch failed'), { statusCode: -1, code: 'TypeError' }))).toEqual({
      status: 0,
      code: 'NetworkError',
      message: 'fetch failed',
    });
    expect(
      graphFailureOf(
        Object.assign(new Error('The operation was aborted due to timeout'), { statusCode: -1, code: 'TimeoutError' }),
      ),
    ).toMatchObject({ status: 0, code: 'Timeout' });
    expect(graphFailureOf(new Error('database is locked'))).toEqual({
      status: 0,
      code: 'InternalError',
      message: 'database is locked',
    });
  });
});
