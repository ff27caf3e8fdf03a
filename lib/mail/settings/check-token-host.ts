import { smtpTokenHostsFor } from '@/lib/entra/clouds';

// Finding 3 of the security review: a connection's Outlook token goes only to its cloud's own SMTP hosts; for a
// Custom cloud (no known hosts) to the host saved with the settings, and to a changed host only once the
// administrator confirmed that very host. Universal: the form asks for the confirmation, the server decides.

export interface TokenHostInput {
  cloud: string;
  connectionName: string;
  host: string;
  /** The host of the saved settings' SMTP server ('' when none is saved). */
  savedHost: string;
  /** The host the administrator ticked "send this connection's token to" for ('' when not ticked). */
  confirmedHost: string;
}

export type TokenHostRule =
  { ok: true; confirmationNeeded: boolean } | { ok: false; field: 'smtpServer' | 'confirmSmtpHost'; message: string };

export function checkTokenHost(input: TokenHostInput): TokenHostRule {
  const host = input.host.toLowerCase();
  const known = smtpTokenHostsFor(input.cloud);
  if (known) {
    if (known.includes(host)) return { ok: true, confirmationNeeded: false };
    return {
      ok: false,
      field: 'smtpServer',
      message: `“${input.connectionName}” signs in to Microsoft’s SMTP: its token is only sent to ${known.join(', ')}. Use one of them (e.g. ${known[0] ?? 'smtp.office365.com'}:587).`,
    };
  }
  if (host === input.savedHost.toLowerCase()) return { ok: true, confirmationNeeded: false };
  if (host === input.confirmedHost.toLowerCase()) return { ok: true, confirmationNeeded: true };
  return {
    ok: false,
    field: 'confirmSmtpHost',
    message: `The SMTP server changed to ${host}: confirm that “${input.connectionName}”’s access token may be sent there.`,
  };
}
