import { describe, expect, it } from 'vitest';
import { classifySmtpError } from './classify-smtp-error';

const smtpError = (responseCode: number, response: string, command = 'DATA') =>
  Object.assign(new Error(response), { code: 'EMESSAGE', responseCode, response, command });

describe('classifySmtpError', () => {
  it('treats 5xx as permanent, with the command and the enhanced code', () => {
    expect(classifySmtpError(smtpError(535, '535 5.7.139 Authentication unsuccessful', 'AUTH XOAUTH2'))).toEqual({
      kind: 'failed',
      code: '535 5.7.139',
      answer: 'AUTH XOAUTH2: 535 5.7.139 Authentication unsuccessful',
    });
    expect(
      classifySmtpError(smtpError(550, '550 5.7.60 SMTP; Client does not have permissions', 'MAIL FROM')),
    ).toMatchObject({ kind: 'failed', code: '550 5.7.60' });
  });

  it('treats 4xx as transient and Exchange’s 4.3.2 as throttling', () => {
    expect(classifySmtpError(smtpError(451, '451 4.4.1 Temporary failure'))).toEqual({
      kind: 'retry',
      code: '451 4.4.1',
      answer: 'DATA: 451 4.4.1 Temporary failure',
    });
    expect(
      classifySmtpError(smtpError(432, '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded')),
    ).toMatchObject({ kind: 'retry', code: '432 4.3.2', throttled: true });
  });

  it('retries 503 (bad sequence) and connection failures, but not a malformed envelope', () => {
    expect(classifySmtpError(smtpError(503, '503 5.5.1 Bad sequence of commands')).kind).toBe('retry');
    expect(
      classifySmtpError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' })),
    ).toEqual({ kind: 'retry', code: 'ESOCKET', answer: 'connect ECONNREFUSED 127.0.0.1:25' });
    expect(classifySmtpError(Object.assign(new Error('No recipients defined'), { code: 'EENVELOPE' })).kind).toBe(
      'failed',
    );
  });
});
