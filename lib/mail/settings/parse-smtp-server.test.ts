import { describe, expect, it } from 'vitest';
import { parseSmtpServer } from './parse-smtp-server';

describe('parseSmtpServer', () => {
  it('reads host:port', () => {
    expect(parseSmtpServer(' SMTP.Office365.com:587 ')).toEqual({
      ok: true,
      host: 'smtp.office365.com',
      port: 587,
      value: 'smtp.office365.com:587',
    });
    expect(parseSmtpServer('127.0.0.1:2525')).toMatchObject({ ok: true, host: '127.0.0.1', port: 2525 });
    expect(parseSmtpServer('[::1]:25')).toMatchObject({ ok: true, host: '::1', port: 25, value: '[::1]:25' });
  });

  it('refuses what is not host:port', () => {
    expect(parseSmtpServer('smtp.office365.com').ok).toBe(false);
    expect(parseSmtpServer('smtp.office365.com:70000').ok).toBe(false);
    expect(parseSmtpServer('smtp office365:25').ok).toBe(false);
    expect(parseSmtpServer('https://smtp.office365.com:587').ok).toBe(false);
  });
});
