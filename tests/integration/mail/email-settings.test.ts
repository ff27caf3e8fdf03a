import { describe, expect, it } from 'vitest';
import { deleteConnection } from '@/lib/composition/delete-connection';
import { loadKeyring } from '@/lib/crypto/load-keyring';
import { rotateKeys } from '@/lib/composition/rotate-keys';
import { db } from '@/lib/db/prisma';
import { getEmailSettings } from '@/lib/mail/settings/get-email-settings';
import { emailSettingsSchema } from '@/lib/mail/settings/email-settings-schema';
import type { DeliverySettings } from '@/lib/mail/settings/delivery-settings';
import { loadDeliverySettings } from '@/lib/mail/settings/load-delivery-settings';
import { saveEmailSettings } from '@/lib/mail/settings/save-email-settings';
import { dumpDatabase } from '../../support/dump-database';
import { ADELE, createSandboxConnection, signInConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { PROVIDERS } from '../../support/use-database';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// Done: the server checks the rules the form shows (and those only it can check), keeps the Basic password
// encrypted and write-only, and holds on to the connection it uses.

const PASSWORD = 'basic-password-never-in-clear';

// The Basic password as delivery reads it (the settings hold it in their SMTP transport's authentication).
function savedPassword(settings: DeliverySettings | null) {
  const transport = settings?.transport;
  return transport?.kind === 'smtp' && transport.auth.kind === 'basic' ? transport.auth.password : undefined;
}

function save(fields: Record<string, string>) {
  return saveEmailSettings(emailSettingsSchema.parse(fields), 'admin@switchboard.test');
}

describe.each(PROVIDERS)('Email settings (%s)', (provider) => {
  const suite = sandboxSuite(provider);

  it('keeps the Basic password encrypted, write-only and kept when left blank; drops it with Basic', async () => {
    const basic = {
      enabled: 'on',
      connectionType: 'smtp',
      smtpServer: 'mail.contoso.test:587',
      smtpAuth: 'basic',
      username: 'relay',
      senderAddress: 'alerts@contoso.test',
    };
    expect(await save(basic)).toMatchObject({ ok: false, fieldErrors: { password: 'Enter the password' } });
    expect(await save({ ...basic, password: PASSWORD })).toMatchObject({
      ok: true,
      changed: expect.arrayContaining(['password', 'enabled']),
    });
    expect(await getEmailSettings()).toMatchObject({ hasPassword: true, passwordHint: 'lear' });
    expect(JSON.stringify(await getEmailSettings())).not.toContain(PASSWORD);
    expect(await dumpDatabase(suite.database)).not.toContain(PASSWORD);

    expect(await save({ ...basic, senderName: 'Alerts' })).toMatchObject({ ok: true, changed: ['senderName'] });
    expect(savedPassword(await loadDeliverySettings())).toBe(PASSWORD);

    const rotation = await rotateKeys(db(), loadKeyring());
    expect(rotation.failures).toEqual([]);
    expect(savedPassword(await loadDeliverySettings())).toBe(PASSWORD);

    expect(await save({ ...basic, smtpAuth: 'none' })).toMatchObject({ ok: true });
    expect(await getEmailSettings()).toMatchObject({ hasPassword: false, username: null });
  });

  it('OAuth needs a connection that is signed in and was granted SMTP.Send', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'exchange-smtp');
    const oauth = {
      enabled: 'on',
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${suite.sandbox.info.smtp.port}`,
      useSsl: 'on',
      confirmSmtpHost: '127.0.0.1',
      smtpAuth: 'oauth',
      mailboxAddress: ADELE.username,
      connectionId,
      senderAddress: ADELE.username,
    };
    expect(await save(oauth)).toMatchObject({
      ok: false,
      fieldErrors: { connectionId: expect.stringMatching(/nobody has signed in/i) },
    });
    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    expect(await save(oauth)).toMatchObject({ ok: true });

    await db().serviceConnection.update({ where: { id: connectionId }, data: { state: 'needs_reauth' } });
    expect(await save(oauth)).toMatchObject({
      ok: false,
      fieldErrors: { connectionId: expect.stringMatching(/needs re-authentication/) },
    });
    await db().serviceConnection.update({ where: { id: connectionId }, data: { state: 'authenticated' } });

    const graphOnly = await createSandboxConnection(suite.sandbox, 'graph-mail');
    expect((await signInConnection(graphOnly.connectionId, ADELE)).outcome.ok).toBe(true);
    expect(await save({ ...oauth, connectionId: graphOnly.connectionId })).toMatchObject({
      ok: false,
      fieldErrors: { connectionId: expect.stringMatching(/SMTP\.Send/) },
    });
    expect(
      await save({
        enabled: 'on',
        connectionType: 'graph',
        connectionId: graphOnly.connectionId,
        senderAddress: ADELE.username,
      }),
    ).toMatchObject({ ok: true });
  });

  it('an application connection needs a mailbox for Graph and proves itself with a token', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'client-credentials');
    const graph = {
      enabled: 'on',
      connectionType: 'graph',
      connectionId,
      senderAddress: 'support@contoso.onmicrosoft.com',
    };
    expect(await save(graph)).toMatchObject({
      ok: false,
      fieldErrors: { mailboxAddress: expect.stringMatching(/users\/\{mailbox\}/) },
    });
    expect(await save({ ...graph, mailboxAddress: 'support@contoso.onmicrosoft.com' })).toMatchObject({ ok: true });
    const { connectionId: broken } = await createSandboxConnection(suite.sandbox, 'client-credentials', {
      clientSecret: 'wrong-secret-value',
    });
    expect(
      await save({ ...graph, connectionId: broken, mailboxAddress: 'support@contoso.onmicrosoft.com' }),
    ).toMatchObject({ ok: false, fieldErrors: { connectionId: expect.stringMatching(/could not get a token/) } });
  });

  it('a connection the settings use cannot be deleted until they stop using it', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    expect(
      await save({ enabled: 'on', connectionType: 'graph', connectionId, senderAddress: ADELE.username }),
    ).toMatchObject({ ok: true });
    expect(await deleteConnection(connectionId)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Email settings \(Outbound mail through Microsoft Graph\)/),
    });
    expect(
      await save({
        enabled: 'on',
        connectionType: 'smtp',
        smtpServer: 'relay.contoso.test:25',
        smtpAuth: 'none',
        senderAddress: ADELE.username,
      }),
    ).toMatchObject({ ok: true });
    expect(await deleteConnection(connectionId)).toMatchObject({ ok: true });
  });
});
