import { describe, expect, it } from 'vitest';
import { getConnectionChoices } from '@/lib/mail/settings/get-connection-choices';
import { setOptionalCapability } from '@/lib/connections/set-optional-capability';
import { sendTestEmail } from '@/lib/mail/outbox/send-test-email';
import { ADELE, createSandboxConnection, signInConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { testEmailInput } from './support/test-email-input';
import { uniqueRecipient } from './support/unique-recipient';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// Issue 10 §1, the ESMP 26.1 guide: Microsoft Graph with a Mailbox Email Address. A delegated Graph connection
// sends as the signed-in mailbox (/me/sendMail), or as another mailbox it may send as (/users/{mailbox}/sendMail),
// which needs the optional Mail.Send.Shared capability: Adele → support works, Megan → support is refused by Graph.

const MEGAN = { username: 'megan@contoso.onmicrosoft.com', password: 'Sandbox-Megan-1' };
const SUPPORT = 'support@contoso.onmicrosoft.com';

describe('Graph send as a shared mailbox (SQLite)', () => {
  const suite = sandboxSuite('sqlite');

  async function graphConnection(person: { username: string; password: string }, shared: boolean) {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    if (shared)
      expect(await setOptionalCapability(connectionId, 'graph-send-shared', true)).toMatchObject({ ok: true });
    expect((await signInConnection(connectionId, person)).outcome.ok).toBe(true);
    return connectionId;
  }

  const test = (connectionId: string, mailboxAddress: string, to = uniqueRecipient()) =>
    sendTestEmail(
      testEmailInput({
        connectionType: 'graph',
        connectionId,
        mailboxAddress,
        senderAddress: mailboxAddress,
        testRecipient: to,
      }),
      'admin@switchboard.test',
    );

  it('without Mail.Send.Shared another mailbox is refused at the field, naming the capability and Setup Authentication', async () => {
    const connectionId = await graphConnection(ADELE, false);
    expect(await test(connectionId, SUPPORT)).toEqual({
      ok: false,
      fieldErrors: {
        mailboxAddress: expect.stringMatching(
          /needs Mail\.Send\.Shared: on “.*” turn on the optional capability “Send as other mailboxes \(Mail\.Send\.Shared\)”, then run Setup Authentication again/,
        ),
      },
    });
    // The signed-in mailbox itself needs nothing more (POST /me/sendMail).
    expect(await test(connectionId, ADELE.username)).toMatchObject({ ok: true, result: { state: 'sent' } });
  });

  it('Adele, with the capability, sends as support (POST /users/{mailbox}/sendMail)', async () => {
    const connectionId = await graphConnection(ADELE, true);
    expect((await getConnectionChoices()).find((c) => c.id === connectionId)).toMatchObject({
      sendShared: true,
      graph: { usable: true },
    });
    const to = uniqueRecipient();
    expect(await test(connectionId, SUPPORT, to)).toMatchObject({
      ok: true,
      result: { state: 'sent', outcome: { code: '202' } },
    });
    const [message] = suite.sandbox.control.readMailbox(to);
    expect(message).toMatchObject({ from: { address: SUPPORT }, subject: 'Switchboard test email' });
    expect(
      suite.sandbox.control
        .readMailbox(SUPPORT, 'sentitems')
        .some((m) => m.internetMessageId === message?.internetMessageId),
    ).toBe(true);
  });

  it('Megan, with the capability but no right on support, is refused with Graph’s answer explained', async () => {
    const connectionId = await graphConnection(MEGAN, true);
    const sent = await test(connectionId, SUPPORT);
    expect(sent).toMatchObject({
      ok: true,
      result: {
        state: 'failed',
        outcome: {
          code: '403 ErrorSendAsDenied',
          answer: expect.stringMatching(
            /does not have the right to send mail on behalf of the specified sending account/,
          ),
        },
        explanation: { title: 'No right to send as this sender' },
      },
    });
  });
});
