import { describe, expect, it } from 'vitest';
import { testConnection } from '@/lib/composition/test-connection';
import { sendTestEmail } from '@/lib/mail/outbox/send-test-email';
import { ADELE, createSandboxConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { sandboxSmtpFields } from './support/sandbox-smtp-fields';
import { saveSandboxSmtpSettings } from './support/save-sandbox-smtp-settings';
import { testEmailInput } from './support/test-email-input';

// App-only SMTP (issue 14 §2): a client-credentials connection signs in to SMTP AUTH with XOAUTH2, the user being
// the Mailbox Email Address. Exchange refuses whatever is missing with one generic 535 5.7.3: the explanation comes
// from knowing the connection is an application's.

const MEGAN = 'megan@contoso.onmicrosoft.com'; // the sandbox's default app has Full Access on this mailbox
const EXCHANGE = 'https://outlook.office.com';

describe('App-only SMTP through the sandbox', () => {
  const suite = sandboxSuite('sqlite');

  const send = (connectionId: string, mailbox: string, to: string) =>
    sendTestEmail(
      testEmailInput({ ...sandboxSmtpFields(suite.sandbox, connectionId, mailbox), testRecipient: to }),
      'admin@switchboard.test',
    );

  it('a client-credentials connection sends a test email over SMTP as the mailbox', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
    const sent = await send(connectionId, MEGAN, ADELE.username);
    expect(sent).toMatchObject({ ok: true, result: { state: 'sent', token: null } });
    const received = suite.sandbox.control
      .readMailbox(ADELE.username)
      .find((m) => m.subject === 'Switchboard test email');
    expect(received?.from?.address).toBe(MEGAN);
  });

  it('a mailbox the service principal has no permission on: 535 5.7.3, explained with the Exchange commands', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
    const sent = await send(connectionId, ADELE.username, MEGAN);
    expect(sent).toMatchObject({ ok: true, result: { state: 'failed', outcome: { code: '535 5.7.3' } } });
    if (!sent.ok) return;
    const { explanation, token } = sent.result;
    // Nothing is missing from the token: what Exchange lacks is the mailbox permission.
    expect(token?.findings).toEqual([]);
    expect(explanation?.title).toBe('Exchange refused the application for this mailbox');
    const objectId = token?.context.servicePrincipalId;
    expect(objectId).toMatch(/^[0-9a-f-]{36}$/);
    expect(explanation?.fix).toContain(
      `New-ServicePrincipal -AppId ${suite.sandbox.info.clientId} -ObjectId ${objectId}`,
    );
    expect(explanation?.fix).toContain(
      `Add-MailboxPermission -Identity ${ADELE.username} -User ${objectId} -AccessRights FullAccess`,
    );

    // The Exchange administrator runs them: the same test now goes through.
    suite.sandbox.control.setAppFullAccess(ADELE.username, suite.sandbox.info.clientId, true);
    try {
      expect(await send(connectionId, ADELE.username, MEGAN)).toMatchObject({ ok: true, result: { state: 'sent' } });
    } finally {
      suite.sandbox.control.setAppFullAccess(ADELE.username, suite.sandbox.info.clientId, false);
    }
  });

  it('without SMTP.SendAsApp the refusal is explained, and the token inspector names the Azure step', async () => {
    suite.sandbox.control.setApplicationPermissions(suite.sandbox.info.clientId, EXCHANGE, []);
    try {
      const { connectionId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
      const sent = await send(connectionId, MEGAN, ADELE.username);
      expect(sent).toMatchObject({ ok: true, result: { state: 'failed', outcome: { code: '535 5.7.3' } } });
      if (!sent.ok) return;
      expect(sent.result.explanation?.title).toBe('Exchange refused the application for this mailbox');
      expect(sent.result.explanation?.fix).toContain('SMTP.SendAsApp');
      expect(sent.result.token?.findings).toEqual([
        expect.objectContaining({
          severity: 'problem',
          message: expect.stringMatching(/^The token's roles have no SMTP\.SendAsApp/),
          fix: expect.stringContaining(
            'APIs my organization uses → Office 365 Exchange Online → Application permissions → SMTP.SendAsApp → Add permissions, then Grant admin consent',
          ),
        }),
      ]);
    } finally {
      suite.sandbox.control.setApplicationPermissions(suite.sandbox.info.clientId, EXCHANGE, ['SMTP.SendAsApp']);
    }
  });

  it('Test on the connection the Emails settings use for app-only SMTP does the handshake as the mailbox', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
    await saveSandboxSmtpSettings(suite.sandbox, connectionId, ADELE.username);
    const refused = await testConnection(connectionId);
    expect(refused.ok).toBe(false);
    expect(refused.summary).toMatch(/^SMTP AUTH at 127\.0\.0\.1:\d+ failed: .*535 5\.7\.3/);
    expect(refused.details.join('\n')).toMatch(
      new RegExp(`Add-MailboxPermission -Identity ${ADELE.username} -User [0-9a-f-]{36} -AccessRights FullAccess`),
    );
    suite.sandbox.control.setAppFullAccess(ADELE.username, suite.sandbox.info.clientId, true);
    try {
      expect(await testConnection(connectionId)).toMatchObject({
        ok: true,
        summary: expect.stringMatching(/accepted/),
      });
    } finally {
      suite.sandbox.control.setAppFullAccess(ADELE.username, suite.sandbox.info.clientId, false);
    }
  });
});
