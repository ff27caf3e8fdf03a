import { parseSmtpServer } from './parse-smtp-server';

// Finding 3 of the security review: the stored Basic password goes only to the SMTP server (host and port) it was
// saved with. Changing either asks for the password again, on Done and on Send test email alike. Universal.

interface Saved {
  password: string | null;
  smtpServer: string;
}

export type StoredPasswordRule = { ok: true } | { ok: false; message: string };

export function storedPasswordRule(saved: Saved | null, typedServer: string): StoredPasswordRule {
  if (!saved?.password) return { ok: false, message: 'Enter the password' };
  const before = parseSmtpServer(saved.smtpServer);
  const now = parseSmtpServer(typedServer);
  if (before.ok && now.ok && before.host === now.host && before.port === now.port) return { ok: true };
  return {
    ok: false,
    message: `Enter the password again: the stored one is only sent to ${before.ok ? before.value : 'the server it was saved for'}, and the SMTP server is now ${now.ok ? now.value : typedServer}.`,
  };
}
