// "SMTP server" is typed as host:port, as the Matrix42 guide asks (smtp.office365.com:587). Universal.

export type ParsedSmtpServer = { ok: true; host: string; port: number; value: string } | { ok: false; message: string };

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const IPV6 = /^\[([0-9a-f:.]+)\]$/i;

export function parseSmtpServer(input: string): ParsedSmtpServer {
  const value = input.trim();
  const match = /^(\[[^\]]+\]|[^:\s]+):(\d{1,5})$/.exec(value);
  if (!match) return { ok: false, message: 'Enter host:port, e.g. smtp.office365.com:587' };
  const [, rawHost = '', rawPort = ''] = match;
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return { ok: false, message: 'The port is a number from 1 to 65535' };
  const ipv6 = IPV6.exec(rawHost);
  if (!ipv6 && !HOSTNAME.test(rawHost)) return { ok: false, message: `“${rawHost}” is not a host name or IP address` };
  const host = ipv6 ? (ipv6[1] ?? '') : rawHost.toLowerCase();
  return { ok: true, host, port, value: `${ipv6 ? rawHost.toLowerCase() : host}:${port}` };
}
