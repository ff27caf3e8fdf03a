import crypto from 'node:crypto';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/messages/[id]/route';
import { POST } from '@/app/api/v1/messages/route';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { dumpDatabase } from '../../support/dump-database';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { saveSettings } from './support/save-settings';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink';
import { waitFor } from './support/wait-for';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// POST /api/v1/messages and GET /api/v1/messages/{id}, called the way another program (or an attacker) calls them:
// with and without a key, with bad bodies, and all the way to a real SMTP server.

const ADMIN = { id: 'admin-id', email: 'admin@switchboard.test' };
const SMTP_PASSWORD = 'relay password that must stay secret';

function post(body: unknown, key: string | null, contentType = 'application/json') {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (key) headers.authorization = `Bearer ${key}`;
  return POST(
    new Request('http://localhost/api/v1/messages', {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

function get(id: string, key: string) {
  return GET(new Request(`http://localhost/api/v1/messages/${id}`, { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve({ id }),
  });
}

describe.each(PROVIDERS)('the sending API (%s)', (provider) => {
  let database: TestDatabase;
  let sink: SmtpSink;
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
    sink = await startSmtpSink({ auth: { user: 'relay', pass: SMTP_PASSWORD } });
  });
  afterAll(async () => {
    await sink?.close();
    await database?.cleanup();
  });

  it('refuses callers without a valid key, and says 503 while email is off', async () => {
    const { key } = await createApiKey('Ticketing', ADMIN);
    expect((await post({ to: 'a@example.test', text: 'x' }, null)).status).toBe(401);
    expect(
      (await post({ to: 'a@example.test', text: 'x' }, `sbk_${crypto.randomBytes(24).toString('base64url')}`)).status,
    ).toBe(401);
    const unauthorized = await post({ to: 'a@example.test', text: 'x' }, 'not-a-key');
    expect(unauthorized.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const off = await post({ to: 'a@example.test', text: 'x' }, key);
    expect(off.status).toBe(503);
    expect(await off.json()).toMatchObject({ error: 'email_disabled' });
  });

  it('answers 400 with the field errors, 415 and 400 for what is not JSON', async () => {
    await saveSettings({
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${sink.port}`,
      smtpAuth: 'basic',
      username: 'relay',
      password: SMTP_PASSWORD,
      senderAddress: 'alerts@contoso.test',
      senderName: 'Contoso Alerts',
      allowedSenders: '@fabrikam.test',
    });
    const { key } = await createApiKey('Bad bodies', ADMIN);
    expect((await post('to=a@example.test', key, 'application/x-www-form-urlencoded')).status).toBe(415);
    const notJson = await post('{"to":', key);
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: 'invalid_json' });
    const invalid = await post(
      { to: ['ann@example.test', 'nobody'], attachments: [{ filename: 'x.pdf', content: '%%%' }] },
      key,
    );
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      error: 'invalid_request',
      fieldErrors: {
        'to.1': expect.stringMatching(/not an email address/),
        'attachments.0.content': expect.any(String),
      },
    });
    const foreignFrom = await post({ to: 'ann@example.test', text: 'x', from: 'ceo@contoso.test' }, key);
    expect(foreignFrom.status).toBe(400);
    expect(await foreignFrom.json()).toMatchObject({
      fieldErrors: { from: expect.stringMatching(/alerts@contoso\.test/) },
    });
  });

  it('accepts a message (202), reports its state, delivers it as sent, and forgets nothing it was given', async () => {
    const { key } = await createApiKey('Monitoring', ADMIN);
    const other = await createApiKey('Another program', ADMIN);
    const pdf = crypto.randomBytes(20_000);
    const response = await post(
      {
        to: ['Ann Example <ann@example.test>'],
        cc: 'carl@example.test',
        bcc: [{ address: 'audit@example.test' }],
        replyTo: 'helpdesk@fabrikam.test',
        from: { address: 'noreply@fabrikam.test', name: 'Fabrikam' },
        subject: 'Disk space low',
        text: 'Server 7 has 2 % left.',
        html: '<p>Server 7 has <b>2 %</b> left.</p>',
        attachments: [{ filename: 'report.pdf', contentType: 'application/pdf', content: pdf.toString('base64') }],
      },
      key,
    );
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as { id: string; state: string; messageId: string };
    expect(accepted).toMatchObject({ state: 'queued', messageId: expect.stringMatching(/^<.+@fabrikam\.test>$/) });
    expect(response.headers.get('location')).toBe(`/api/v1/messages/${accepted.id}`);
    expect((await get(accepted.id, other.key)).status).toBe(404);
    expect(await (await get(accepted.id, key)).json()).toMatchObject({ id: accepted.id, state: 'queued', attempts: 0 });

    const worker = startOutboxWorker({ pollIntervalMs: 50 });
    try {
      await waitFor(
        'the message to be sent',
        async () => ((await (await get(accepted.id, key)).json()) as { state: string }).state === 'sent',
      );
    } finally {
      await worker.stop();
    }
    expect(await (await get(accepted.id, key)).json()).toMatchObject({
      state: 'sent',
      attempts: 1,
      providerMessageId: expect.stringMatching(/^SINK/),
      lastError: null,
    });

    const received = sink.messages.find((m) => m.raw.includes(accepted.messageId));
    expect(received?.to.sort()).toEqual(['ann@example.test', 'audit@example.test', 'carl@example.test']);
    const parsed = await simpleParser(received?.raw ?? Buffer.alloc(0));
    expect(parsed.from?.value).toEqual([{ name: 'Fabrikam', address: 'noreply@fabrikam.test' }]);
    expect(parsed.replyTo?.value[0]?.address).toBe('helpdesk@fabrikam.test');
    expect(parsed.subject).toBe('Disk space low');
    expect(parsed.text?.trim()).toBe('Server 7 has 2 % left.');
    expect(parsed.html).toContain('<b>2 %</b>');
    expect(Buffer.compare(parsed.attachments[0]?.content ?? Buffer.alloc(0), pdf)).toBe(0);

    const dump = await dumpDatabase(database);
    expect(dump).not.toContain(key);
    expect(dump).not.toContain(SMTP_PASSWORD);
  });

  it('refuses a revoked key at once', async () => {
    const created = await createApiKey('Retired', ADMIN);
    expect((await post({ to: 'a@example.test', text: 'x' }, created.key)).status).toBe(202);
    await revokeApiKey(created.id);
    expect((await post({ to: 'a@example.test', text: 'x' }, created.key)).status).toBe(401);
  });
});
