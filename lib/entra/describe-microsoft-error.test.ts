import { describe, expect, it } from 'vitest';
import { describeMsalError, describeOAuthError } from './describe-microsoft-error';

describe('describeMicrosoftError', () => {
  it('marks a revoked refresh token as needing re-authentication', () => {
    const error = describeMsalError({
      errorCode: 'invalid_grant',
      errorMessage: 'AADSTS50173: The provided grant has expired due to it being revoked.\r\nTrace ID: abc\r\nCorrelation ID: def',
    });
    expect(error).toMatchObject({ code: 'AADSTS50173', needsReauthentication: true });
    expect(error.description).toBe('AADSTS50173: The provided grant has expired due to it being revoked.');
  });

  it('does not ask for re-authentication when the app credentials are wrong', () => {
    const error = describeMsalError({ errorCode: 'invalid_client', errorMessage: 'AADSTS7000215: Invalid client secret provided.' });
    expect(error.needsReauthentication).toBe(false);
    expect(error.explanation?.fix).toMatch(/Secret ID/);
  });

  it('explains a declined consent from the redirect', () => {
    expect(describeOAuthError('access_denied', 'AADSTS65004: User declined to consent to access the app.').explanation?.code).toBe('AADSTS65004');
  });
});
