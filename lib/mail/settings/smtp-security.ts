// What "Use SSL" means for one SMTP server, as in the products the guides describe (.NET's EnableSsl). Universal:
// the Emails form explains it, the transports apply it.
//
// | Use SSL    | port 465 (or "TLS from the first byte") | any other port                                          |
// | ticked     | TLS from the first byte                 | STARTTLS, required                                      |
// | not ticked | refused: tick Use SSL                   | STARTTLS when offered; plain only without a credential |

export type SmtpTlsMode = 'implicit' | 'starttls' | 'opportunistic';

export const IMPLICIT_TLS_PORT = 465;

export type SmtpSecurity =
  { ok: true; mode: SmtpTlsMode } | { ok: false; field: 'useSsl' | 'implicitTls'; message: string };

export function smtpSecurity(port: number, useSsl: boolean, implicitTls: boolean): SmtpSecurity {
  if (!useSsl) {
    if (port === IMPLICIT_TLS_PORT)
      return {
        ok: false,
        field: 'useSsl',
        message: 'Port 465 expects TLS from the first byte: tick Use SSL (or use port 587).',
      };
    if (implicitTls)
      return {
        ok: false,
        field: 'implicitTls',
        message: 'TLS from the first byte needs Use SSL: tick Use SSL, or untick this.',
      };
    return { ok: true, mode: 'opportunistic' };
  }
  return { ok: true, mode: port === IMPLICIT_TLS_PORT || implicitTls ? 'implicit' : 'starttls' };
}

export const SMTP_TLS_MODE_LABELS: Record<SmtpTlsMode, string> = {
  implicit: 'TLS from the first byte',
  starttls: 'STARTTLS, required',
  opportunistic: 'STARTTLS when offered',
};
