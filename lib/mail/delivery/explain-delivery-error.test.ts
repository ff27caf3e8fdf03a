import { describe, expect, it } from 'vitest';
import { explainDeliveryError } from './explain-delivery-error';

describe('explainDeliveryError', () => {
  it.each([
    [
      '535 5.7.139',
      'AUTH XOAUTH2: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.',
      'SMTP AUTH is turned off for the mailbox or the tenant',
    ],
    [
      '535 5.7.139',
      '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.',
      'Exchange Online refused Basic authentication',
    ],
    ['535 5.7.3', 'AUTH XOAUTH2: 535 5.7.3 Authentication unsuccessful', 'Exchange rejected the token'],
    [
      '550 5.7.60',
      'MAIL FROM: 550 5.7.60 SMTP; Client does not have permissions to send as this sender',
      'No right to send as this sender',
    ],
    ['554 5.2.252', '554 5.2.252 SendAsDenied; adele not allowed to send as megan', 'No right to send as this sender'],
    [
      '403 ErrorSendAsDenied',
      '403 ErrorSendAsDenied: The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.',
      'No right to send as this sender',
    ],
    [
      '403 ErrorAccessDenied',
      '403 ErrorAccessDenied: Access is denied. Check credentials and try again.',
      'Microsoft Graph denied access: Mail.Send is missing',
    ],
    [
      '403 ErrorAccessDenied',
      '403 ErrorAccessDenied: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
      'An application access policy keeps the app out of this mailbox',
    ],
    [
      '429 ApplicationThrottled',
      '429 ApplicationThrottled: Application is over its MailboxConcurrency limit.',
      'Microsoft is throttling this mailbox',
    ],
    [
      '432 4.3.2',
      'DATA: 432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded',
      'Microsoft is throttling this mailbox',
    ],
    [
      'NEEDS_REAUTH',
      'Service Connection “X”: The stored sign-in is no longer valid',
      'The Service Connection must be signed in again',
    ],
    ['ESOCKET', 'connect ECONNREFUSED 127.0.0.1:2525', 'Could not connect'],
    ['COULD_NOT_CONNECT', 'Could not connect to 127.0.0.1:2525.', 'Could not connect'],
    ['500', 'STARTTLS: 500 Error: command not recognized', 'The server does not offer STARTTLS'],
    [
      'NO_STARTTLS',
      '127.0.0.1:25 greeted as an SMTP server but does not offer STARTTLS, and Use SSL requires TLS on this port.',
      'The server does not offer STARTTLS',
    ],
    [
      'PLAINTEXT_AUTH_REFUSED',
      '127.0.0.1:25 offers no STARTTLS, so the session would be plain text',
      'Authentication over plain text refused',
    ],
    [
      'NOT_IMPLICIT_TLS',
      '127.0.0.1:2465 answered with a plain-text SMTP greeting, not with TLS from the first byte: this port upgrades with STARTTLS.',
      'The server speaks plain text first, not TLS',
    ],
    [
      'IMPLICIT_TLS_PORT',
      '127.0.0.1:2465 speaks TLS from the first byte (its SMTP greeting came inside TLS), not plain text with STARTTLS.',
      'The server speaks TLS from the first byte',
    ],
  ])('%s: %s', (code, answer, title) => {
    expect(explainDeliveryError(code, answer)?.title).toBe(title);
  });

  it('has nothing to say about an answer it does not know', () => {
    expect(explainDeliveryError('250', '250 2.0.0 OK')).toBeNull();
  });
});

describe('explainDeliveryError with what Switchboard knows of the sign-in', () => {
  it('explains 535 5.7.3 for an application connection with New-ServicePrincipal and Add-MailboxPermission', () => {
    const explained = explainDeliveryError('535 5.7.3', 'AUTH XOAUTH2: 535 5.7.3 Authentication unsuccessful', {
      authType: 'application',
      appId: '3c9a4f1e-7b2d-4e85-a6c0-9d1f2e8b5a47',
      servicePrincipalId: '0a1b2c3d-0000-4000-a000-000000000001',
      mailbox: 'info@contoso.com',
    });
    expect(explained?.title).toBe('Exchange refused the application for this mailbox');
    expect(explained?.fix).toContain(
      'New-ServicePrincipal -AppId 3c9a4f1e-7b2d-4e85-a6c0-9d1f2e8b5a47 -ObjectId 0a1b2c3d-0000-4000-a000-000000000001',
    );
    expect(explained?.fix).toContain(
      'Add-MailboxPermission -Identity info@contoso.com -User 0a1b2c3d-0000-4000-a000-000000000001 -AccessRights FullAccess',
    );
    expect(explained?.fix).toContain('SMTP.SendAsApp');
  });

  it('keeps the delegated explanation for a delegated connection, and placeholders where ids are unknown', () => {
    expect(
      explainDeliveryError('535 5.7.3', '535 5.7.3 Authentication unsuccessful', { authType: 'delegated' })?.title,
    ).toBe('Exchange rejected the token');
    expect(
      explainDeliveryError('535 5.7.3', '535 5.7.3 Authentication unsuccessful', { authType: 'application' })?.fix,
    ).toContain('New-ServicePrincipal -AppId <application id> -ObjectId <enterprise application object id>');
  });

  it('names both fixes when SMTP AUTH is disabled for the mailbox: enable it, or a Graph fall-back', () => {
    const fix =
      explainDeliveryError('535 5.7.139', '535 5.7.139 SmtpClientAuthentication is disabled for the Mailbox.')?.fix ??
      '';
    expect(fix).toMatch(/Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled \$false/);
    expect(fix).toMatch(/Graph fall-back connection in Settings → Global System Settings → Emails/);
  });
});
