import { randomBytes } from 'node:crypto';
import { FileUpload, LargeFileUploadTask, ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../testing/create-graph-client';
import { createMsalClient } from '../testing/create-msal-client';
import { startTestSandbox, type TestSandbox } from '../testing/start-test-sandbox';

const MEGAN = 'megan@contoso.onmicrosoft.com';
const ADELE = 'adele@contoso.onmicrosoft.com';

let sandbox: TestSandbox;
let app: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
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

async function draft(subject: string): Promise<string> {
  const created = (await app.api(`/users/${MEGAN}/messages`).post({
    subject,
    body: { contentType: 'Text', content: 'See attachment.' },
    toRecipients: [{ emailAddress: { address: ADELE } }],
  })) as { id: string; isDraft: boolean; parentFolderId: string };
  expect(created.isDraft).toBe(true);
  return created.id;
}

describe('draft, large attachment upload session, send', () => {
  it('uploads a 1 MB attachment in ranges with the SDK’s LargeFileUploadTask and sends the draft', async () => {
    const id = await draft('Big file');
    const content = randomBytes(1024 * 1024);
    const session = await LargeFileUploadTask.createUploadSession(
      app,
      `/users/${MEGAN}/messages/${id}/attachments/createUploadSession`,
      {
        AttachmentItem: {
          attachmentType: 'file',
          name: 'big.bin',
          size: content.length,
          contentType: 'application/octet-stream',
        },
      },
    );
    expect(session.url).toMatch(/\/_upload\/[0-9a-f-]+\?authtoken=/);
    const task = new LargeFileUploadTask(app, new FileUpload(content, 'big.bin', content.length), session, {
      rangeSize: 320 * 1024,
    });
    const result = await task.upload();
    expect(result.location).toMatch(/\/attachments\('AAMkAGA/);

    const attachments = (await app.api(`/users/${MEGAN}/messages/${id}/attachments`).get()) as {
      value: { name: string; size: number }[];
    };
    expect(attachments.value).toMatchObject([{ name: 'big.bin', size: content.length }]);

    const sent = (await app
      .api(`/users/${MEGAN}/messages/${id}/send`)
      .responseType(ResponseType.RAW)
      .post(null)) as Response;
    expect(sent.status).toBe(202);
    const [received] = sandbox.control.readMailbox(ADELE).filter((m) => m.subject === 'Big file');
    expect(received?.attachments).toEqual([
      { name: 'big.bin', contentType: 'application/octet-stream', size: content.length },
    ]);
    expect(sandbox.control.readMailbox(MEGAN, 'drafts').map((m) => m.subject)).not.toContain('Big file');
  });

  it('adds a small attachment directly, and refuses a range out of order', async () => {
    const id = await draft('Small file');
    await app.api(`/users/${MEGAN}/messages/${id}/attachments`).post({
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'note.txt',
      contentType: 'text/plain',
      contentBytes: Buffer.from('hello').toString('base64'),
    });
    const session = (await app
      .api(`/users/${MEGAN}/messages/${id}/attachments/createUploadSession`)
      .post({ AttachmentItem: { attachmentType: 'file', name: 'x.bin', size: 10 } })) as {
      uploadUrl: string;
      nextExpectedRanges: string[];
    };
    expect(session.nextExpectedRanges).toEqual(['0-']);
    const outOfOrder = await sandbox.fetch(session.uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': 'bytes 5-9/10' },
      body: Buffer.alloc(5),
    });
    expect(outOfOrder.status).toBe(416);
    const firstHalf = await sandbox.fetch(session.uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': 'bytes 0-4/10' },
      body: Buffer.alloc(5),
    });
    expect(await firstHalf.json()).toMatchObject({ NextExpectedRanges: ['5'] });
    await app.api(`/users/${MEGAN}/messages/${id}/send`).post(null);
    const [received] = sandbox.control.readMailbox(ADELE).filter((m) => m.subject === 'Small file');
    expect(received?.attachments.map((a) => a.name)).toEqual(['note.txt']);
  });
});
