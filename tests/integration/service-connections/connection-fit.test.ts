import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { testConnection } from '@/lib/composition/test-connection';
import { verifyTenantCredentials } from '@/lib/entra/verify-tenant-credentials';
import { getConnectionChoices } from '@/lib/mail/settings/get-connection-choices';
import { createRobotMailbox } from '@/lib/robot/create-robot-mailbox';
import { getRobotConnectionOptions } from '@/lib/robot/get-robot-connection-options';
import { createRobotMailboxSchema } from '@/lib/robot/schemas';
import { ADELE, createSandboxConnection, signInConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// Issue 10 §4: lists offer the connections whose permissions fit the job and show the others disabled with the
// reason; saving checks again on the server. Delegated: the granted scopes. Application: the roles of the last token,
// recorded by Test and Verify credentials ("not verified yet" until then); a missing role is a warning.

describe('connections offered for each job (SQLite)', () => {
  const suite = sandboxSuite('sqlite');

  async function signedIn(builtInKey: string) {
    const { connectionId } = await createSandboxConnection(suite.sandbox, builtInKey);
    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    return connectionId;
  }

  const robotInput = (connectionId: string, mailboxAddress = '') =>
    createRobotMailboxSchema.parse({
      name: `Robot ${connectionId}`,
      connectionId,
      mailboxAddress,
      folder: '',
      pollIntervalSeconds: '',
      afterProcessing: 'mark_read',
      moveToFolder: '',
      webhookUrl: '',
      webhookSecret: '',
    });

  it('a Graph API connection with only Mail.Send is not offered to the Robot, and saving it is refused', async () => {
    const graphSend = await signedIn('graph-mail');
    const mailbox = await signedIn('m365-mailbox');
    const options = await getRobotConnectionOptions();
    expect(options.find((o) => o.id === graphSend)?.fit).toEqual({
      usable: false,
      reason: 'was not granted Mail.ReadWrite or Mail.ReadWrite.Shared (reading and filing mail)',
    });
    expect(options.find((o) => o.id === mailbox)?.fit).toEqual({ usable: true, warning: null });
    expect(await createRobotMailbox(robotInput(graphSend))).toMatchObject({
      ok: false,
      fieldErrors: { connectionId: expect.stringMatching(/was not granted Mail\.ReadWrite/) },
    });
    expect(await createRobotMailbox(robotInput(mailbox))).toMatchObject({ ok: true });
  });

  it('the Graph send path is not offered an Exchange connection, nor SMTP a Graph one', async () => {
    const exchange = await signedIn('exchange-smtp');
    const graph = await signedIn('graph-mail');
    const { connectionId: notSignedIn } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    const choices = await getConnectionChoices();
    expect(choices.find((c) => c.id === exchange)).toMatchObject({
      smtp: { usable: true },
      graph: { usable: false, reason: expect.stringMatching(/Mail\.Send/) },
    });
    expect(choices.find((c) => c.id === graph)).toMatchObject({
      graph: { usable: true },
      smtp: { usable: false, reason: expect.stringMatching(/SMTP\.Send/) },
    });
    expect(choices.find((c) => c.id === notSignedIn)).toMatchObject({
      graph: { usable: false, reason: expect.stringMatching(/nobody has signed in/) },
    });
  });

  it('application roles are “not verified yet” until Test or Verify credentials records them', async () => {
    const { connectionId, tenantId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
    const before = (await getConnectionChoices()).find((c) => c.id === connectionId);
    expect(before?.graph).toEqual({ usable: true, warning: expect.stringMatching(/not verified yet/) });

    expect((await verifyTenantCredentials(tenantId)).ok).toBe(true);
    const verified = (await getConnectionChoices()).find((c) => c.id === connectionId);
    expect(verified?.graph).toEqual({ usable: true, warning: null });
    // Verify credentials asks for a Graph token only: SMTP.SendAsApp is in the Exchange token.
    expect(verified?.smtp).toEqual({
      usable: true,
      warning: expect.stringMatching(/SMTP\.SendAsApp not verified yet/),
    });

    expect((await testConnection(connectionId)).ok).toBe(true);
    const tested = (await getConnectionChoices()).find((c) => c.id === connectionId);
    expect(tested?.smtp).toEqual({ usable: true, warning: null });
    const row = await db().serviceConnection.findUniqueOrThrow({
      where: { id: connectionId },
      select: { appRoles: true, appRolesAt: true },
    });
    expect(JSON.parse(row.appRoles ?? '{}')).toMatchObject({
      'https://graph.microsoft.com': expect.arrayContaining(['Mail.Send', 'Mail.ReadWrite']),
      'https://outlook.office.com': ['SMTP.SendAsApp'],
    });
  });

  it('a role missing from the token is a warning (RBAC for Applications), not a refusal', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
    await db().serviceConnection.update({
      where: { id: connectionId },
      data: { appRoles: JSON.stringify({ 'https://graph.microsoft.com': ['Mail.Send'] }), appRolesAt: new Date() },
    });
    const option = (await getRobotConnectionOptions()).find((o) => o.id === connectionId);
    expect(option?.fit).toEqual({
      usable: true,
      warning: 'Mail.ReadWrite is not in the token; it may be granted in Exchange (RBAC for Applications)',
    });
    expect(await createRobotMailbox(robotInput(connectionId, 'support@contoso.onmicrosoft.com'))).toMatchObject({
      ok: true,
    });
  });
});
