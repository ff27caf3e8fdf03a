import { describe, expect, it } from 'vitest';
import { testConnection } from '@/lib/composition/test-connection';
import { sendTestEmail } from '@/lib/mail/outbox/send-test-email';
import { testRobotMailbox } from '@/lib/robot/test-robot-mailbox';
import { ADELE, createSandboxConnection, signInConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { saveSandboxSmtpSettings } from '../mail/support/save-sandbox-smtp-settings';
import { testEmailInput } from '../mail/support/test-email-input';
import { MEGAN, robotConnection, robotMailbox } from '../robot/support/robot-fixtures';

// The token inspector on Test, through the sandbox: its tokens carry Entra's claims (aud, tid, scp or roles, upn,
// appid, oid), and Test says what the path that uses the connection misses, with the Azure step that adds it.

const GRAPH = 'https://graph.microsoft.com';
const EXCHANGE = 'https://outlook.office.com';

describe('Test inspects the access token against what its path needs', () => {
  const suite = sandboxSuite('sqlite');
  const clientId = () => suite.sandbox.info.clientId;

  it('reads a delegated token’s claims and finds nothing missing when Mail.Send was granted', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    const result = await testConnection(connectionId);
    expect(result.ok).toBe(true);
    expect(result.tokens).toEqual([
      {
        label: 'Microsoft Graph token',
        facts: [
          expect.stringMatching(
            new RegExp(
              `^Token audience ${GRAPH} · tenant ${suite.sandbox.info.tenantId} · delegated, scp: .*Mail\\.Send`,
            ),
          ),
          expect.stringMatching(
            new RegExp(`^user ${ADELE.username} · app ${clientId()} · object id [0-9a-f-]{36} · expires`),
          ),
        ],
        findings: [],
      },
    ]);
    // The token itself is never part of the answer.
    expect(JSON.stringify(result)).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });

  it('an application token without Mail.Send: the portal step, and RBAC for Applications as a possibility', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
    suite.sandbox.control.setApplicationPermissions(clientId(), GRAPH, ['User.Read.All']);
    try {
      const result = await testConnection(connectionId);
      expect(result.ok).toBe(true);
      const graph = result.tokens?.find((t) => t.label === 'Microsoft Graph token');
      expect(graph?.facts[0]).toContain('application, roles: User.Read.All');
      expect(graph?.findings).toEqual([
        {
          severity: 'possibility',
          message: expect.stringMatching(/^The token's roles have no Mail\.Send .*RBAC for Applications/),
          fix: expect.stringContaining(
            'API permissions → Add a permission → Microsoft Graph → Application permissions → Mail.Send → Add permissions, then Grant admin consent',
          ),
          check: `Test-ServicePrincipalAuthorization -Identity ${clientId()} -Resource <mailbox>`,
        },
      ]);
    } finally {
      suite.sandbox.control.setApplicationPermissions(clientId(), GRAPH, [
        'Mail.Send',
        'Mail.ReadWrite',
        'User.Read.All',
      ]);
    }
  });

  it('an application connection that SMTP uses without SMTP.SendAsApp fails Test with the fix', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
    await saveSandboxSmtpSettings(suite.sandbox, connectionId, MEGAN.username);
    // The handshake as the mailbox (the default app's service principal has Full Access on megan@).
    expect(await testConnection(connectionId)).toMatchObject({
      ok: true,
      summary: `SMTP AUTH XOAUTH2 accepted by 127.0.0.1:${suite.sandbox.info.smtp.port} for ${MEGAN.username}`,
    });

    suite.sandbox.control.setApplicationPermissions(clientId(), EXCHANGE, []);
    try {
      const { connectionId: without } = await createSandboxConnection(suite.sandbox, 'client-credentials');
      await saveSandboxSmtpSettings(suite.sandbox, without, ADELE.username);
      const result = await testConnection(without);
      expect(result.ok).toBe(false);
      expect(result.summary).toMatch(
        /^The token's roles have no SMTP\.SendAsApp \(they have: none\), which sending over SMTP needs\.$/,
      );
      const exchange = result.tokens?.find((t) => t.label === 'Exchange Online token');
      expect(exchange?.findings[0]).toMatchObject({
        severity: 'problem',
        fix: expect.stringContaining(
          'APIs my organization uses → Office 365 Exchange Online → Application permissions → SMTP.SendAsApp → Add permissions, then Grant admin consent',
        ),
      });
    } finally {
      suite.sandbox.control.setApplicationPermissions(clientId(), EXCHANGE, ['SMTP.SendAsApp']);
    }
  });

  it("the robot's Test, refused by Graph, says the token lacks Mail.ReadWrite and how to check Exchange's grant", async () => {
    suite.sandbox.control.setApplicationPermissions(clientId(), GRAPH, ['Mail.Send']);
    try {
      const connectionId = await robotConnection(suite.sandbox, 'application');
      const { id } = await robotMailbox({ connectionId, mailboxAddress: MEGAN.username, enabled: false });
      const result = await testRobotMailbox(id);
      expect(result).toMatchObject({ ok: false, graphAnswer: expect.stringMatching(/^403 ErrorAccessDenied/) });
      if (result.ok) return;
      expect(result.token?.facts[0]).toContain('application, roles: Mail.Send');
      expect(result.token?.findings).toEqual([
        expect.objectContaining({
          severity: 'possibility',
          message: expect.stringMatching(/^The token's roles have no Mail\.ReadWrite \(they have: Mail\.Send\)/),
          fix: expect.stringContaining(
            'Application permissions → Mail.ReadWrite → Add permissions, then Grant admin consent',
          ),
          check: `Test-ServicePrincipalAuthorization -Identity ${clientId()} -Resource ${MEGAN.username}`,
        }),
      ]);
    } finally {
      suite.sandbox.control.setApplicationPermissions(clientId(), GRAPH, [
        'Mail.Send',
        'Mail.ReadWrite',
        'User.Read.All',
      ]);
    }
  });

  it('Send test email over SMTP as an application without SMTP.SendAsApp: the refusal comes with what the token lacks', async () => {
    suite.sandbox.control.setApplicationPermissions(clientId(), EXCHANGE, []);
    try {
      const { connectionId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
      const sent = await sendTestEmail(
        testEmailInput({
          connectionType: 'smtp',
          smtpServer: `127.0.0.1:${suite.sandbox.info.smtp.port}`,
          useSsl: 'on',
          confirmSmtpHost: '127.0.0.1',
          smtpAuth: 'oauth',
          mailboxAddress: ADELE.username,
          connectionId,
          senderAddress: ADELE.username,
          testRecipient: 'someone@fabrikam.example',
        }),
        'admin@switchboard.test',
      );
      expect(sent).toMatchObject({
        ok: true,
        result: { state: 'failed', outcome: { code: expect.stringMatching(/^5/) } },
      });
      if (!sent.ok) return;
      expect(sent.result.token?.findings).toEqual([
        expect.objectContaining({
          severity: 'problem',
          message: expect.stringMatching(/^The token's roles have no SMTP\.SendAsApp/),
          fix: expect.stringContaining('Office 365 Exchange Online → Application permissions → SMTP.SendAsApp'),
        }),
      ]);
    } finally {
      suite.sandbox.control.setApplicationPermissions(clientId(), EXCHANGE, ['SMTP.SendAsApp']);
    }
  });
});
