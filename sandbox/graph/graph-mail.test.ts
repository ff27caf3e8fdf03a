import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../testing/create-graph-client';
import { createMsalClient } from '../testing/create-msal-client';
import { signInUser } from '../testing/sign-in-user';
import { startTestSandbox, type TestSandbox } from '../testing/start-test-sandbox';

const ADELE = 'adele@contoso.onmicrosoft.com';
const MEGAN = 'megan@contoso.onmicrosoft.com';
const SUPPORT = 'support@contoso.onmicrosoft.com';
const EXTERNAL = 'partner@fabrikam.example';

let sandbox: TestSandbox;
let adele: Client;
let app: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const { result } = await signInUser(sandbox, {
    username: ADELE,
    password: 'Sandbox-Adele-1',
    scopes: [
      'https://graph.microsoft.com/Mail.Send',
      'https://graph.microsoft.com/Mail.Send.Shared',
      'https://graph.microsoft.com/Mail.ReadWrite.Shared',
    ],
  });
  adele = createGraphClient(sandbox.info.graphBaseUrl, sandbox.fetch, async () => result.accessToken);
  const msal = createMsalClient(sandbox.info, sandbox.fetch);
  app = createGraphClient(
    sandbox.info.graphBaseUrl,
    sandbox.fetch,
    async () =>
      (await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }))?.accessToken ??
      '',
  );
});
afterAll(() => sandbox.close());

const message = (subject: string, extra: Record<string, unknown> = {}) => ({
  subject,
  body: { contentType: 'HTML', content: `<p>${subject}</p>` },
  toRecipients: [{ emailAddress: { address: MEGAN, name: 'Megan Bowen' } }],
  ...extra,
});

describe('Graph mail with a delegated token', () => {
  it('GET /me returns the signed-in user', async () => {
    const me = (await adele.api('/me').get()) as Record<string, unknown>;
    expect(me).toMatchObject({
      userPrincipalName: ADELE,
      mail: ADELE,
      displayName: 'Adele Vance',
      '@odata.context': `${sandbox.info.graphBaseUrl}/v1.0/$metadata#users/$entity`,
    });
    expect(me.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('POST /me/sendMail (JSON) answers 202 and delivers to every recipient, Bcc hidden, copy in Sent Items', async () => {
    const response = (await adele
      .api('/me/sendMail')
      .responseType(ResponseType.RAW)
      .post({
        message: message('Quarterly report', {
          ccRecipients: [{ emailAddress: { address: EXTERNAL } }],
          bccRecipients: [{ emailAddress: { address: SUPPORT } }],
          attachments: [
            {
              '@odata.type': '#microsoft.graph.fileAttachment',
              name: 'report.csv',
              contentType: 'text/csv',
              contentBytes: Buffer.from('a,b\n1,2\n').toString('base64'),
            },
          ],
        }),
      })) as Response;
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');

    const [received] = sandbox.control.readMailbox(MEGAN).filter((m) => m.subject === 'Quarterly report');
    expect(received).toMatchObject({
      from: { address: ADELE, name: 'Adele Vance' },
      to: [{ address: MEGAN }],
      cc: [{ address: EXTERNAL }],
      bcc: [],
      isRead: false,
      folder: 'Inbox',
    });
    expect(received?.html).toContain('<p>Quarterly report</p>');
    expect(received?.attachments).toEqual([{ name: 'report.csv', contentType: 'text/csv', size: 8 }]);
    expect(received?.internetMessageId).toMatch(/^<.+@.+>$/);
    expect(received?.raw).not.toMatch(/^Bcc:/im);
    expect(sandbox.control.readMailbox(EXTERNAL).map((m) => m.subject)).toContain('Quarterly report');
    expect(sandbox.control.readMailbox(SUPPORT).map((m) => m.subject)).toContain('Quarterly report');
    const [sent] = sandbox.control.readMailbox(ADELE, 'sentitems').filter((m) => m.subject === 'Quarterly report');
    expect(sent?.bcc).toEqual([{ name: SUPPORT, address: SUPPORT }]);
    expect(sent?.isRead).toBe(true);
  });

  it('POST /me/sendMail accepts a base64 MIME message (Content-Type: text/plain)', async () => {
    const mime = [
      `From: Adele Vance <${ADELE}>`,
      `To: ${MEGAN}`,
      'Subject: MIME hello',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Sent as MIME.',
      '',
    ].join('\r\n');
    const response = (await adele
      .api('/me/sendMail')
      .header('Content-Type', 'text/plain')
      .responseType(ResponseType.RAW)
      .post(Buffer.from(mime).toString('base64'))) as Response;
    expect(response.status).toBe(202);
    const [received] = sandbox.control.readMailbox(MEGAN).filter((m) => m.subject === 'MIME hello');
    expect(received?.text?.trim()).toBe('Sent as MIME.');
  });

  it('sends from a shared mailbox the user has SendAs on, through /users/{upn}/sendMail', async () => {
    await adele.api(`/users/${SUPPORT}/sendMail`).post({ message: message('From support') });
    const [received] = sandbox.control.readMailbox(MEGAN).filter((m) => m.subject === 'From support');
    expect(received?.from?.address).toBe(SUPPORT);
    expect(sandbox.control.readMailbox(SUPPORT, 'sentitems').map((m) => m.subject)).toContain('From support');
  });

  it('reads a shared mailbox the user has FullAccess to', async () => {
    const page = (await adele.api(`/users/${SUPPORT}/mailFolders/inbox/messages`).select('subject').get()) as {
      value: { subject: string }[];
    };
    expect(page.value.map((m) => m.subject)).toContain('Quarterly report');
  });
});

describe('Graph mail with an application token', () => {
  it('POST /users/{upn}/sendMail sends as that mailbox', async () => {
    await app.api(`/users/${MEGAN}/sendMail`).post({
      message: { ...message('App-only hello'), toRecipients: [{ emailAddress: { address: ADELE } }] },
      saveToSentItems: false,
    });
    const [received] = sandbox.control.readMailbox(ADELE).filter((m) => m.subject === 'App-only hello');
    expect(received?.from).toEqual({ name: 'Megan Bowen', address: MEGAN });
    expect(sandbox.control.readMailbox(MEGAN, 'sentitems').map((m) => m.subject)).not.toContain('App-only hello');
  });

  it('lists, filters, selects, reads MIME, marks read and moves messages of a folder', async () => {
    await sandbox.control.addMessage(MEGAN, {
      from: 'robot-feed@external.example',
      subject: 'Ticket #1',
      text: 'first',
    });
    await sandbox.control.addMessage(MEGAN, {
      from: 'robot-feed@external.example',
      subject: 'Ticket #2',
      text: 'second',
    });
    const inbox = `/users/${MEGAN}/mailFolders/inbox/messages`;
    const unread = (await app.api(inbox).filter('isRead eq false').select('subject,from,isRead').top(50).get()) as {
      value: { id: string; subject: string; from: unknown; isRead: boolean; body?: unknown }[];
    };
    const ticket = unread.value.find((m) => m.subject === 'Ticket #1');
    expect(ticket).toMatchObject({ isRead: false, from: { emailAddress: { address: 'robot-feed@external.example' } } });
    expect(ticket?.body).toBeUndefined();

    const mime = (await app
      .api(`/users/${MEGAN}/messages/${ticket?.id}/$value`)
      .responseType(ResponseType.TEXT)
      .get()) as string;
    expect(mime).toMatch(/^Subject: Ticket #1$/m);

    const updated = (await app.api(`/users/${MEGAN}/messages/${ticket?.id}`).patch({ isRead: true })) as {
      isRead: boolean;
    };
    expect(updated.isRead).toBe(true);
    const stillUnread = (await app.api(inbox).filter('isRead eq false').top(50).get()) as {
      value: { subject: string }[];
    };
    expect(stillUnread.value.map((m) => m.subject)).not.toContain('Ticket #1');

    const created = (await app.api(`/users/${MEGAN}/mailFolders`).post({ displayName: 'Processed' })) as {
      id: string;
      displayName: string;
    };
    const found = (await app.api(`/users/${MEGAN}/mailFolders`).filter("displayName eq 'Processed'").get()) as {
      value: { id: string }[];
    };
    expect(found.value.map((f) => f.id)).toEqual([created.id]);
    const duplicate = await app
      .api(`/users/${MEGAN}/mailFolders`)
      .post({ displayName: 'Processed' })
      .catch((e: { statusCode: number; code: string }) => e);
    expect(duplicate).toMatchObject({ statusCode: 409, code: 'ErrorFolderExists' });

    const moved = (await app
      .api(`/users/${MEGAN}/messages/${ticket?.id}/move`)
      .post({ destinationId: created.id })) as { id: string; parentFolderId: string };
    expect(moved.parentFolderId).toBe(created.id);
    expect(moved.id).not.toBe(ticket?.id);
    expect(sandbox.control.readMailbox(MEGAN, 'Processed').map((m) => m.subject)).toEqual(['Ticket #1']);
  });

  it('pages a listing with @odata.nextLink', async () => {
    for (let i = 0; i < 3; i++) await sandbox.control.addMessage(SUPPORT, { subject: `Paged ${i}`, folder: 'archive' });
    const first = (await app.api(`/users/${SUPPORT}/mailFolders/archive/messages`).top(2).get()) as {
      value: unknown[];
      '@odata.nextLink'?: string;
    };
    expect(first.value).toHaveLength(2);
    const second = (await app.api(first['@odata.nextLink'] ?? '').get()) as {
      value: unknown[];
      '@odata.nextLink'?: string;
    };
    expect(second.value).toHaveLength(1);
    expect(second['@odata.nextLink']).toBeUndefined();
  });
});
