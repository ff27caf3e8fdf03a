import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteConnection } from '@/lib/composition/delete-connection';
import { db } from '@/lib/db/prisma';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { createRelayClient } from '@/lib/mail/relay/create-relay-client';
import { relayClientSchema, relayClientUpdateSchema } from '@/lib/mail/relay/relay-client-schema';
import type { RelayListener } from '@/lib/mail/relay/start-relay-listener';
import { updateRelayClient } from '@/lib/mail/relay/update-relay-client';
import { ADELE, createSandboxConnection, signInConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { PROVIDERS } from '../../support/use-database';
import { saveSandboxSmtpSettings } from '../mail/support/save-sandbox-smtp-settings';
import { saveSettings } from '../mail/support/save-settings';
import { uniqueRecipient } from '../mail/support/unique-recipient';
import { waitFor } from '../mail/support/wait-for';
import { addClient, device, startRelay } from './relay-support';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// Issue 13 §2: a relay client's own connection and mailbox. The Emails settings send as Adele over SMTP with XOAUTH2;
// a scanner that names a Graph connection signed in as Megan has its messages sent by Megan through Graph's MIME
// send, while a client without a route of its own goes on as Adele over SMTP. A connection that cannot send as the
// mailbox is refused at the field, and a connection a relay client sends through cannot be deleted.

const MEGAN = { username: 'megan@contoso.onmicrosoft.com', password: 'Sandbox-Megan-1' };

describe.each(PROVIDERS)('relay client with a route of its own (%s)', (provider) => {
  const suite = sandboxSuite(provider);
  let relay: { listener: RelayListener; port: number };
  beforeAll(async () => {
    relay = await startRelay();
  });
  afterAll(async () => {
    await relay?.listener.stop();
  });

  async function signedIn(builtInKey: string, person: typeof ADELE) {
    const { connectionId } = await createSandboxConnection(suite.sandbox, builtInKey);
    expect((await signInConnection(connectionId, person)).outcome.ok).toBe(true);
    return connectionId;
  }

  async function saveAdeleOverSmtp() {
    await saveSandboxSmtpSettings(suite.sandbox, await signedIn('exchange-smtp', ADELE), ADELE.username);
  }

  /** A device's message through the relay, delivered by the worker: its row with attempts, and where it went. */
  async function relayOne(client: { id: string; username: string | null; password: string | null }, from: string) {
    const to = uniqueRecipient('route');
    const subject = `Routed ${crypto.randomUUID()}`;
    await device(relay.port, { user: client.username ?? '', pass: client.password ?? '' }).sendMail({
      envelope: { from, to: [to] },
      from,
      to,
      subject,
      text: 'Scanned.',
    });
    const worker = startOutboxWorker({ pollIntervalMs: 50 });
    try {
      const row = await waitFor(
        'the relayed message to be sent or failed',
        async () => {
          const found = await db().outboundMessage.findFirst({
            where: { relayClientId: client.id, subject },
            include: { attemptLog: { orderBy: { number: 'asc' } } },
          });
          return found?.state === 'sent' || found?.state === 'failed' ? found : undefined;
        },
        30_000,
      );
      return { row, to, subject };
    } finally {
      await worker.stop();
    }
  }

  const sentItems = (mailbox: string, subject: string) =>
    suite.sandbox.control.readMailbox(mailbox, 'sentitems').filter((m) => m.subject === subject);

  it('a client naming a Graph connection is sent by its mailbox through Graph; one without goes by the Emails settings', async () => {
    await saveAdeleOverSmtp();
    const graph = await signedIn('graph-mail', MEGAN);
    const routed = await addClient({
      name: `Scanner Megan ${provider}`,
      username: `scanner-megan-${provider}`,
      allowedSenders: MEGAN.username,
      connectionId: graph,
      mailboxAddress: MEGAN.username,
    });
    const plain = await addClient({
      name: `Scanner Adele ${provider}`,
      username: `scanner-adele-${provider}`,
      allowedSenders: ADELE.username,
    });
    expect(await db().relayClient.findUnique({ where: { id: routed.id } })).toMatchObject({
      connectionId: graph,
      mailboxAddress: MEGAN.username,
    });

    const viaGraph = await relayOne(routed, MEGAN.username);
    expect(viaGraph.row.state).toBe('sent');
    expect(viaGraph.row.attemptLog.map((a) => a.transport)).toEqual(['graph']);
    expect(suite.sandbox.control.readMailbox(viaGraph.to).map((m) => m.subject)).toEqual([viaGraph.subject]);
    expect(sentItems(MEGAN.username, viaGraph.subject)).toHaveLength(1);
    expect(sentItems(ADELE.username, viaGraph.subject)).toHaveLength(0);

    const viaSettings = await relayOne(plain, ADELE.username);
    expect(viaSettings.row.state).toBe('sent');
    expect(viaSettings.row.attemptLog.map((a) => a.transport)).toEqual(['smtp']);
    expect(suite.sandbox.control.readMailbox(viaSettings.to).map((m) => m.subject)).toEqual([viaSettings.subject]);
    expect(sentItems(ADELE.username, viaSettings.subject)).toHaveLength(1);
    expect(sentItems(MEGAN.username, viaSettings.subject)).toHaveLength(0);

    // Back to "As in the Emails settings": the next message goes as Adele over SMTP again.
    const back = await updateRelayClient(
      routed.id,
      relayClientUpdateSchema.parse({
        id: routed.id,
        name: `Scanner Megan ${provider}`,
        authMode: 'password',
        username: `scanner-megan-${provider}`,
        allowedSenders: `${MEGAN.username}, ${ADELE.username}`,
        enabled: 'on',
      }),
    );
    expect(back).toMatchObject({ ok: true, route: 'sends as in the Emails settings' });
    expect(await db().relayClient.findUnique({ where: { id: routed.id } })).toMatchObject({
      connectionId: null,
      mailboxAddress: null,
    });
    const after = await relayOne(routed, ADELE.username);
    expect(after.row.attemptLog.map((a) => a.transport)).toEqual(['smtp']);
    expect(sentItems(ADELE.username, after.subject)).toHaveLength(1);
  }, 90_000);

  it('a client naming an Exchange SMTP connection signs in as its own mailbox with XOAUTH2 to the saved SMTP host', async () => {
    await saveAdeleOverSmtp();
    const smtp = await signedIn('exchange-smtp', MEGAN);
    const client = await addClient({
      name: `Printer Megan ${provider}`,
      username: `printer-megan-${provider}`,
      allowedSenders: MEGAN.username,
      connectionId: smtp,
    });
    const sent = await relayOne(client, MEGAN.username);
    expect(sent.row.state).toBe('sent');
    expect(sent.row.attemptLog.map((a) => a.transport)).toEqual(['smtp']);
    expect(sentItems(MEGAN.username, sent.subject)).toHaveLength(1);
    expect(sentItems(ADELE.username, sent.subject)).toHaveLength(0);

    // A Custom cloud knows no SMTP host of its own: with the Emails settings on Graph there is none to sign in to.
    await saveSettings({
      connectionType: 'graph',
      connectionId: await signedIn('graph-mail', ADELE),
      mailboxAddress: ADELE.username,
      senderAddress: ADELE.username,
    });
    const refused = await createRelayClient(
      relayClientSchema.parse({
        name: `Printer refused ${provider}`,
        authMode: 'password',
        username: `printer-refused-${provider}`,
        allowedSenders: MEGAN.username,
        enabled: 'on',
        connectionId: smtp,
      }),
    );
    expect(refused).toMatchObject({ ok: false, fieldErrors: { connectionId: expect.stringMatching(/Custom cloud/) } });
  }, 60_000);

  it('refuses, at the field, a connection that cannot send as the mailbox', async () => {
    await saveAdeleOverSmtp();
    const graph = await signedIn('graph-mail', MEGAN);
    const fields = {
      name: `Scanner refused ${provider}`,
      authMode: 'password',
      username: `scanner-refused-${provider}`,
      allowedSenders: ADELE.username,
      enabled: 'on',
      connectionId: graph,
    };
    // Megan's delegated connection sends as Adele only with Mail.Send.Shared, which it was not granted.
    const refused = await createRelayClient(relayClientSchema.parse({ ...fields, mailboxAddress: ADELE.username }));
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { mailboxAddress: expect.stringMatching(/Mail\.Send\.Shared/) },
    });
    // A connection that does not exist is refused at the Connection field.
    const gone = await createRelayClient(relayClientSchema.parse({ ...fields, connectionId: 'no-such-connection' }));
    expect(gone).toMatchObject({ ok: false, fieldErrors: { connectionId: expect.stringMatching(/no longer exists/) } });
    expect(await db().relayClient.count({ where: { name: fields.name } })).toBe(0);

    // Saved with the signed-in mailbox (empty: the connection's account); an edit to Adele is refused the same way.
    const saved = await createRelayClient(relayClientSchema.parse(fields));
    expect(saved).toMatchObject({ ok: true, route: expect.stringContaining('Microsoft Graph') });
    if (!saved.ok) return;
    const edit = await updateRelayClient(
      saved.id,
      relayClientUpdateSchema.parse({ ...fields, id: saved.id, mailboxAddress: ADELE.username }),
    );
    expect(edit).toMatchObject({
      ok: false,
      fieldErrors: { mailboxAddress: expect.stringMatching(/Mail\.Send\.Shared/) },
    });
  }, 60_000);

  it('a connection a relay client sends through cannot be deleted', async () => {
    await saveAdeleOverSmtp();
    const graph = await signedIn('graph-mail', MEGAN);
    const client = await addClient({
      name: `Scanner in use ${provider}`,
      username: `scanner-in-use-${provider}`,
      allowedSenders: MEGAN.username,
      connectionId: graph,
    });
    const refused = await deleteConnection(graph);
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringContaining(`Connection of relay client “Scanner in use ${provider}”`),
    });
    expect(await db().serviceConnection.count({ where: { id: graph } })).toBe(1);
    await db().relayClient.delete({ where: { id: client.id } });
    expect(await deleteConnection(graph)).toMatchObject({ ok: true });
  }, 60_000);
});
