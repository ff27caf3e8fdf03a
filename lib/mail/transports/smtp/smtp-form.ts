import type { TransportForm } from '../transport-definition';

// SMTP as the Emails form shows it (zod-free; smtp-transport.ts is the rest). Universal.

export const smtpForm: TransportForm = {
  label: 'SMTP',
  shownFields: (typed) => [
    'smtpServer',
    'useSsl',
    'smtpAuth',
    ...(typed.useSsl ? (['implicitTls'] as const) : []),
    ...(typed.smtpAuth === 'basic' ? (['username', 'password'] as const) : []),
    ...(typed.smtpAuth === 'oauth' ? (['mailboxAddress', 'connectionId', 'confirmSmtpHost'] as const) : []),
  ],
};
