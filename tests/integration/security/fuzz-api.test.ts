// Issue 11, the sending API as an attacker calls it, on SQLite and PostgreSQL: findings 5 (bodies up to the
// route's 48 MB limit, 413 above), 8 (NUL bytes and wrong types: 400 at the field, never 500) and 11 (a lower-case
// Bearer scheme), and the fuzz of every API field. No answer is a 5xx other than the documented 503, and no stored
// message is lost or changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/messages/[id]/route';
import { POST } from '@/app/api/v1/messages/route';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { db } from '@/lib/db/prisma';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { saveSettings } from '../mail/support/save-settings';
import { FIELD_VALUES, ONE_MEGABYTE } from './fuzz-support';

const MB = 1024 * 1024;
const VALID = {
  to: ['Ada <ada@contoso.com>'],
  subject: 'Hello',
  text: 'Hi',
  html: '<p>Hi</p>',
  attachments: [{ filename: 'a.txt', contentType: 'text/plain', content: 'aGk=' }],
  from: 'fuzz@switchboard.test',
  cc: 'cc@contoso.com',
  bcc: [],
  replyTo: { address: 'r@contoso.com', name: 'R' },
};

function post(body: BodyInit | null, key: string, headers: Record<string, string> = {}) {
  const init: RequestInit & { duplex?: 'half' } = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
    body,
  };
  if (body instanceof ReadableStream) init.duplex = 'half';
  return POST(new Request('http://localhost/api/v1/messages', init));
}

/** A JSON message whose text makes the body `bytes` long. */
function messageOfSize(bytes: number): string {
  const shell = JSON.stringify({ ...VALID, attachments: undefined, text: '' });
  return shell.replace('"text":""', `"text":"${'a'.repeat(bytes - shell.length)}"`);
}

describe.each(PROVIDERS)('the sending API under attack (%s)', (provider) => {
  let database: TestDatabase;
  let key: string;
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
    key = (await createApiKey('fuzz', { id: 'admin', email: 'admin@switchboard.test' })).key;
    await saveSettings({
      connectionType: 'smtp',
      smtpServer: '127.0.0.1:9',
      smtpAuth: 'none',
      allowUnencrypted: 'on',
      senderAddress: 'fuzz@switchboard.test',
    });
  });
  afterAll(async () => database.cleanup());

  async function stored() {
    return JSON.stringify(
      await db().outboundMessage.findMany({
        orderBy: { id: 'asc' },
        include: { attachments: { orderBy: { id: 'asc' } } },
      }),
    );
  }

  it('accepts a lower-case or upper-case Bearer scheme', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const response = POST(
        new Request('http://localhost/api/v1/messages', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `${scheme} ${key}` },
          body: JSON.stringify(VALID),
        }),
      );
      expect((await response).status, scheme).toBe(202);
    }
  });

  it('accepts bodies up to 48 MB, also without a Content-Length, and answers 413 with a message above', async () => {
    expect((await post(messageOfSize(20 * MB), key)).status).toBe(202);
    const over = await post(messageOfSize(48 * MB + 10), key);
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({
      error: 'too_large',
      message: "The request body is larger than 48 MB, this endpoint's limit.",
    });
    // Chunked (no Content-Length): stopped once it passes the limit.
    let sent = 0;
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 50) controller.enqueue(new Uint8Array(MB).fill(0x20));
        else controller.close();
      },
    });
    expect((await post(chunked, key)).status).toBe(413);
  });

  it('refuses a NUL byte in any field with 400 at that field, the same on both databases', async () => {
    const cases: Array<[string, unknown]> = [
      ['subject', { ...VALID, subject: 'a\u0000b' }],
      ['text', { ...VALID, text: 'a\u0000b' }],
      ['html', { ...VALID, html: '<p>\u0000</p>' }],
      ['attachments.0.filename', { ...VALID, attachments: [{ filename: 'a\u0000.txt', content: 'aGk=' }] }],
      ['to.0', { ...VALID, to: ['Ada\u0000 <ada@contoso.com>'] }],
      ['replyTo.name', { ...VALID, replyTo: { address: 'r@contoso.com', name: 'R\u0000' } }],
    ];
    const before = await stored();
    for (const [field, body] of cases) {
      const response = await post(JSON.stringify(body), key);
      expect(response.status, field).toBe(400);
      expect((await response.json()).fieldErrors, field).toEqual({ [field]: expect.stringMatching(/NUL/) });
    }
    expect(await stored()).toBe(before);
  });

  it(
    'fuzz: every field with long, empty, NUL, wrong-type and oversized values gets no 5xx and changes no stored message',
    { timeout: 300_000 },
    async () => {
      const before = await stored();
      const wrongTypes: unknown[] = [
        123,
        -1,
        1e308,
        true,
        null,
        {},
        [],
        [[]],
        [{}],
        { address: 5 },
        ONE_MEGABYTE,
        ...Object.values(FIELD_VALUES),
      ];
      const statuses = new Set<number>();
      for (const field of Object.keys(VALID)) {
        for (const value of wrongTypes) {
          const response = await post(JSON.stringify({ ...VALID, [field]: value }), key);
          statuses.add(response.status);
          expect(response.status, `${field} = ${JSON.stringify(value)?.slice(0, 40)}`).toBeLessThan(500);
        }
      }
      for (const attachmentField of ['filename', 'content', 'contentType', 'contentId', 'inline']) {
        for (const value of wrongTypes) {
          const response = await post(
            JSON.stringify({ ...VALID, attachments: [{ ...VALID.attachments[0], [attachmentField]: value }] }),
            key,
          );
          expect(response.status, `attachments.0.${attachmentField}`).toBeLessThan(500);
        }
      }
      for (const body of [
        '',
        'null',
        '[]',
        '"text"',
        '123',
        '{',
        '\u0000',
        '{"to":',
        JSON.stringify({ ['a\u0000']: 1 }),
      ]) {
        expect((await post(body, key)).status, JSON.stringify(body)).toBeLessThan(500);
      }
      expect(statuses).toContain(400);
      // Every message that was accepted is new; the ones stored before are untouched.
      const after = JSON.parse(await stored()) as Array<{ id: string }>;
      for (const message of JSON.parse(before) as Array<{ id: string }>) expect(after).toContainEqual(message);
    },
  );

  it('GET of a message answers 404, never 500, for ids that are long, NUL or odd', async () => {
    for (const id of ['a\u0000b', ONE_MEGABYTE, '..%2f..%2f', '\ud800', '']) {
      const response = await GET(
        new Request('http://localhost/api/v1/messages/x', { headers: { authorization: `bearer ${key}` } }),
        { params: Promise.resolve({ id }) },
      );
      expect(response.status, JSON.stringify(id).slice(0, 20)).toBe(404);
    }
  });
});
