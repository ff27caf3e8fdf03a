import { describe, expect, it } from 'vitest';
import { apiMessageSchema } from './api-message-schema';

describe('the API’s message body', () => {
  it('accepts addresses as text, “Name <address>” or objects, and decodes attachments', () => {
    const parsed = apiMessageSchema.parse({
      to: 'Ann Example <Ann@Example.com>',
      cc: ['carl@example.com', { address: 'dora@example.com', name: 'Dora' }],
      subject: 'Line one\r\nBcc: injected@example.com',
      text: 'Hello',
      attachments: [{ filename: 'a.txt', content: Buffer.from('file').toString('base64'), contentType: 'text/plain' }],
    });
    expect(parsed.to).toEqual([{ name: 'Ann Example', address: 'ann@example.com' }]);
    expect(parsed.cc).toEqual([
      { name: '', address: 'carl@example.com' },
      { name: 'Dora', address: 'dora@example.com' },
    ]);
    expect(parsed.subject).toBe('Line one Bcc: injected@example.com');
    expect(parsed.attachments[0]?.content.toString()).toBe('file');
  });

  it('names every wrong field', () => {
    const parsed = apiMessageSchema.safeParse({
      to: ['not-an-address'],
      attachments: [{ filename: '', content: '***' }],
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['to.0', 'attachments.0.filename', 'attachments.0.content']));
    const empty = apiMessageSchema.safeParse({ subject: 'x' });
    expect(empty.success ? [] : empty.error.issues.map((i) => i.path.join('.'))).toEqual(['to', 'text']);
  });
});
