import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { explainDeliveryError } from '@/lib/mail/delivery/explain-delivery-error';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { acceptRelayMessage } from '@/lib/mail/relay/accept-relay-message';
import { createRelayClient } from '@/lib/mail/relay/create-relay-client';
import { relayClientSchema } from '@/lib/mail/relay/relay-client-schema';
import { sendTestEmail } from '@/lib/mail/outbox/send-test-email';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { emailSettingsSchema } from '@/lib/mail/settings/email-settings-schema';
import { saveEmailSettings } from '@/lib/mail/settings/save-email-settings';
import { ADELE, createSandboxConnection, signInConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { PROVIDERS } from '../../support/use-database';
import { sandboxSmtpFields } from './support/sandbox-smtp-fields';
import { saveSettings } from './support/save-settings';
import { testEmailInput } from './support/test-email-input';
import { uniqueRecipient } from './support/unique-recipient';
import { waitFor } from './support/wait-for';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// Issue 13 §6: Exchange refuses SMTP AUTH for a mailbox (535 5.7.139, Set-CASMailbox -SmtpClientAuthenticationDisabled
// $true; the sandbox's scanner mailbox); with a Graph fall-back connection for that mailbox the outbox sends the
// message through Graph in the same claim, and the Outbox shows both attempts and why. Without one, the message fails
// and the explanation names both fixes. Another 535 (5.7.3) never goes to the fall-back.

const SCANNER = { username: 'scanner@contoso.onmicrosoft.com', password: 'Sandbox-Scanner-1' };
const MEGAN = 'megan@contoso.onmicrosoft.com';

describe.each(PROVIDERS)('SMTP to Graph fall-back (%s)', (provider) => {
  const suite = sandboxSuite(provider);

  async function signedIn(builtInKey: string, person: typeof SCANNER | null) {
    const { connectionId } = await createSandboxConnection(suite.sandbox, builtInKey);
    if (person) expect((await signInConnection(connectionId, person)).outcome.ok).toBe(true);
    return connectionId;
  }

  const smtp = (connectionId: string, mailbox: string) => sandboxSmtpFields(suite.sandbox, connectionId, mailbox);

  /** One message from `from` through the outbox worker, until it is sent or failed. */
  async function deliver(from: string, subject: string) {
    const to = uniqueRecipient('fallback');
    const { id } = await enqueueMessage({
      source: 'api',
      from: { address: from, name: '' },
      to: [{ address: to, name: '' }],
      subject,
      text: 'Through whichever way works.',
    });
    return { row: await untilDone(id), to };
  }

  async function untilDone(id: string) {
    const worker = startOutboxWorker({ pollIntervalMs: 50 });
    try {
      const row = await waitFor(
        'the message to be sent or failed',
        async () => {
          const found = await db().outboundMessage.findUnique({
            where: { id },
            include: { attemptLog: { orderBy: { number: 'asc' } } },
          });
          return found?.state === 'sent' || found?.state === 'failed' ? found : undefined;
        },
        30_000,
      );
      return row;
    } finally {
      await worker.stop();
    }
  }

  it('a mailbox with SMTP AUTH disabled and a Graph fall-back: delivered once through Graph, the Outbox says why', async () => {
    const exchange = await signedIn('exchange-smtp', SCANNER);
    const graph = await signedIn('graph-mail', SCANNER);
    await saveSettings({ ...smtp(exchange, SCANNER.username), graphFallbackConnectionId: graph });
    const { row, to } = await deliver(SCANNER.username, `Fall-back ${provider}`);
    expect(row.state).toBe('sent');
    expect(row.attempts).toBe(1);
    expect(row.attemptLog).toMatchObject([
      {
        number: 1,
        transport: 'smtp',
        outcome: 'failed',
        code: '535 5.7.139',
        answer: expect.stringMatching(/SmtpClientAuthentication is disabled for the Mailbox/),
      },
      {
        number: 2,
        transport: 'graph',
        outcome: 'sent',
        code: '202',
        answer: expect.stringMatching(
          /^Sent through Microsoft Graph \(connection “.+”\) because SMTP AUTH is disabled for this mailbox \(535 5\.7\.139\)\. 202 Accepted/,
        ),
      },
    ]);
    expect(row.attemptLog.every((a) => a.finishedAt !== null)).toBe(true);
    const received = suite.sandbox.control.readMailbox(to);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: { address: SCANNER.username }, subject: `Fall-back ${provider}` });
    expect(received[0]?.internetMessageId).toBe(row.messageIdHeader);
  }, 60_000);

  it('without a fall-back: failed, and the explanation names both fixes', async () => {
    const exchange = await signedIn('exchange-smtp', SCANNER);
    await saveSettings(smtp(exchange, SCANNER.username));
    const { row, to } = await deliver(SCANNER.username, `No fall-back ${provider}`);
    expect(row).toMatchObject({ state: 'failed', lastErrorCode: '535 5.7.139' });
    expect(row.attemptLog.map((a) => [a.transport, a.outcome])).toEqual([['smtp', 'failed']]);
    expect(suite.sandbox.control.readMailbox(to)).toHaveLength(0);
    const explanation = explainDeliveryError(row.lastErrorCode, row.lastError);
    expect(explanation?.fix).toMatch(/Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled \$false/);
    expect(explanation?.fix).toMatch(/Graph fall-back connection in Settings → Global System Settings → Emails/);
  }, 60_000);

  it('another 535 (5.7.3, the token refused for the mailbox) is not sent through the fall-back', async () => {
    const exchange = await signedIn('exchange-smtp', ADELE);
    const application = await signedIn('client-credentials', null);
    await saveSettings({ ...smtp(exchange, MEGAN), graphFallbackConnectionId: application });
    const { row, to } = await deliver(MEGAN, `Not a fall-back ${provider}`);
    expect(row).toMatchObject({ state: 'failed', lastErrorCode: '535 5.7.3' });
    expect(row.attemptLog.map((a) => a.transport)).toEqual(['smtp']);
    expect(suite.sandbox.control.readMailbox(to)).toHaveLength(0);
  }, 60_000);

  it('refuses to save a fall-back that cannot send as the mailbox through Graph, at the field', async () => {
    const exchange = await signedIn('exchange-smtp', SCANNER);
    const adeleGraph = await signedIn('graph-mail', ADELE);
    const refused = await saveEmailSettings(
      emailSettingsSchema.parse({
        enabled: 'on',
        ...smtp(exchange, SCANNER.username),
        graphFallbackConnectionId: exchange,
      }),
      'tests@switchboard.test',
    );
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { graphFallbackConnectionId: expect.stringMatching(/^Graph fall-back for scanner@/) },
    });
    const otherMailbox = await saveEmailSettings(
      emailSettingsSchema.parse({
        enabled: 'on',
        ...smtp(exchange, SCANNER.username),
        graphFallbackConnectionId: adeleGraph,
      }),
      'tests@switchboard.test',
    );
    expect(otherMailbox).toMatchObject({
      ok: false,
      fieldErrors: { graphFallbackConnectionId: expect.stringMatching(/Mail\.Send\.Shared/) },
    });
  });

  it('a busy worker (attempts recorded by the claim, nothing paced): each message has attempts 1 and 2, smtp then graph', async () => {
    const exchange = await signedIn('exchange-smtp', SCANNER);
    const graph = await signedIn('graph-mail', SCANNER);
    await saveSettings({ ...smtp(exchange, SCANNER.username), graphFallbackConnectionId: graph });
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const { id } = await enqueueMessage({
        source: 'api',
        from: { address: SCANNER.username, name: '' },
        to: [{ address: uniqueRecipient('busy'), name: '' }],
        subject: `Busy ${i}`,
        text: 'x',
      });
      ids.push(id);
    }
    // Unpaced, a claim made while others are on the wire records their attempts itself (before their contents are read).
    const worker = startOutboxWorker({
      concurrency: 2,
      pollIntervalMs: 50,
      pacing: { 'exchange-smtp': null, graph: null, 'plain-smtp': null },
    });
    try {
      await waitFor(
        'every message to be sent',
        async () =>
          (await db().outboundMessage.count({ where: { id: { in: ids }, state: 'sent' } })) === ids.length || undefined,
        60_000,
      );
    } finally {
      await worker.stop();
    }
    const attempts = await db().outboundAttempt.findMany({
      where: { messageId: { in: ids } },
      orderBy: { number: 'asc' },
    });
    for (const id of ids)
      expect(attempts.filter((a) => a.messageId === id).map((a) => [a.number, a.transport, a.outcome])).toEqual([
        [1, 'smtp', 'failed'],
        [2, 'graph', 'sent'],
      ]);
  }, 90_000);

  it('Send test email proves the form’s fall-back: the SMTP refusal, then the Graph attempt that delivered it', async () => {
    const exchange = await signedIn('exchange-smtp', SCANNER);
    const graph = await signedIn('graph-mail', SCANNER);
    const { name } = await db().serviceConnection.findUniqueOrThrow({ where: { id: graph } });
    const to = uniqueRecipient('test-fallback');
    // Not saved: the form's values, as Send test email sends them.
    const sent = await sendTestEmail(
      testEmailInput({ ...smtp(exchange, SCANNER.username), graphFallbackConnectionId: graph, testRecipient: to }),
      'admin@switchboard.test',
    );
    if (!sent.ok) throw new Error(JSON.stringify(sent.fieldErrors));
    expect(sent.result).toMatchObject({ state: 'sent', explanation: null, outcome: { kind: 'sent', code: '202' } });
    expect(sent.result.outcome.answer).toMatch(
      new RegExp(`^Sent through Microsoft Graph \\(connection “${name}”\\) because SMTP AUTH is disabled`),
    );
    const row = await db().outboundMessage.findUniqueOrThrow({
      where: { id: sent.result.messageId },
      include: { attemptLog: { orderBy: { number: 'asc' } } },
    });
    expect(row).toMatchObject({ state: 'sent', source: 'test', leaseOwner: null });
    expect(row.attemptLog.map((a) => [a.number, a.transport, a.outcome, a.code])).toEqual([
      [1, 'smtp', 'failed', '535 5.7.139'],
      [2, 'graph', 'sent', '202'],
    ]);
    expect(row.attemptLog.every((a) => a.finishedAt !== null)).toBe(true);
    const received = suite.sandbox.control.readMailbox(to);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: { address: SCANNER.username }, subject: 'Switchboard test email' });
  }, 60_000);

  it('Send test email: without a fall-back the refusal stands; a fall-back that cannot send as the mailbox is refused at its field', async () => {
    const exchange = await signedIn('exchange-smtp', SCANNER);
    const adeleGraph = await signedIn('graph-mail', ADELE);
    const to = uniqueRecipient('test-no-fallback');
    const without = await sendTestEmail(
      testEmailInput({ ...smtp(exchange, SCANNER.username), testRecipient: to }),
      'admin@switchboard.test',
    );
    if (!without.ok) throw new Error(JSON.stringify(without.fieldErrors));
    expect(without.result).toMatchObject({ state: 'failed', outcome: { code: '535 5.7.139' } });
    const attempts = await db().outboundAttempt.findMany({ where: { messageId: without.result.messageId } });
    expect(attempts.map((a) => [a.transport, a.outcome])).toEqual([['smtp', 'failed']]);
    expect(suite.sandbox.control.readMailbox(to)).toHaveLength(0);

    const before = await db().outboundMessage.count();
    const refused = await sendTestEmail(
      testEmailInput({ ...smtp(exchange, SCANNER.username), graphFallbackConnectionId: adeleGraph, testRecipient: to }),
      'admin@switchboard.test',
    );
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: {
        graphFallbackConnectionId: expect.stringMatching(/^Graph fall-back for scanner@.*Mail\.Send\.Shared/),
      },
    });
    expect(await db().outboundMessage.count()).toBe(before);
  }, 60_000);

  it('a relayed message goes as its own MIME through the relay client’s fall-back, which wins over the settings’', async () => {
    const exchange = await signedIn('exchange-smtp', SCANNER);
    const settingsFallback = await signedIn('client-credentials', null);
    const clientFallback = await signedIn('graph-mail', SCANNER);
    await saveSettings({ ...smtp(exchange, SCANNER.username), graphFallbackConnectionId: settingsFallback });
    const client = await createRelayClient(
      relayClientSchema.parse({
        name: `Scanner ${provider}`,
        authMode: 'password',
        username: `scanner-${provider}`,
        allowedSenders: SCANNER.username,
        graphFallbackConnectionId: clientFallback,
      }),
    );
    if (!client.ok) throw new Error(JSON.stringify(client.fieldErrors));
    const to = uniqueRecipient('relayed');
    const mime = Buffer.from(
      `From: ${SCANNER.username}\r\nTo: ${to}\r\nSubject: Relayed ${provider}\r\nX-Device: scanner-7\r\n\r\nScan.\r\n`,
    );
    const accepted = await acceptRelayMessage({
      clientId: client.id,
      allowedSenders: [SCANNER.username],
      envelopeFrom: SCANNER.username,
      recipients: [to],
      mime,
    });
    if (!accepted.ok) throw new Error(accepted.text);
    const row = await untilDone(accepted.id);
    expect(row.state).toBe('sent');
    const { name } = await db().serviceConnection.findUniqueOrThrow({ where: { id: clientFallback } });
    expect(row.attemptLog.map((a) => [a.transport, a.outcome])).toEqual([
      ['smtp', 'failed'],
      ['graph', 'sent'],
    ]);
    expect(row.attemptLog[1]?.answer).toContain(`Sent through Microsoft Graph (connection “${name}”)`);
    const received = suite.sandbox.control.readMailbox(to);
    expect(received).toHaveLength(1);
    expect(received[0]?.raw).toContain('X-Device: scanner-7');
  }, 60_000);
});
