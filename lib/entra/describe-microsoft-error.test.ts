import { describe, expect, it } from 'vitest';
import { describeMsalError, describeOAuthError } from './describe-microsoft-error';

describe('describeMicrosoftError', () => {
  it('marks a revoked refresh token as needing re-authentication', () => {
    const error = describeMsalError({
      errorCode: 'invalid_grant',
      errorMessage:
        'AADSTS50173: The provided grant has expired due to it being revoked.\r\nTrace ID: abc\r\nCorrelation ID: def',
    });
    expect(error).toMatchObject({ code: 'AADSTS50173', needsReauthentication: true });
    expect(error.description).toBe('AADSTS50173: The provided grant has expired due to it being revoked.');
  });

  it('does not ask for re-authentication when the app credentials are wrong', () => {
    const error = describeMsalError({
      errorCode: 'invalid_client',
      errorMessage: 'AADSTS7000215: Invalid client secret provided.',
    });
    expect(error.needsReauthentication).toBe(false);
    expect(error.explanation?.fix).toMatch(/Secret ID/);
  });

  it('unwraps the description MSAL wraps in "Error(s): … - Description: …"', () => {
    const error = describeMsalError({
      errorCode: 'invalid_client',
      errorMessage:
        'Error(s): 7000215 - Timestamp: 2026-11-21 21:20:27Z - Description: AADSTS7000215: Invalid client secret provided. - Trace ID: abc - Correlation ID: def - Trace ID: x',
    });
    expect(error.description).toBe('AADSTS7000215: Invalid client secret provided.');
  });

  it('explains a declined consent from the redirect', () => {
    expect(
      describeOAuthError('access_denied', 'AADSTS65004: User declined to consent to access the app.').explanation?.code,
    ).toBe('AADSTS65004');
  });
});
