import 'server-only';
import net from 'node:net';
import tls from 'node:tls';

const PROBE_TIMEOUT_MS = 5_000;

/**
 * Whether an SMTP server greets ("220 …") on host:port, in plain text or inside TLS from the first byte. Used only
 * after a failure, to explain a Use SSL mismatch once it is certain; nothing is sent but the TLS handshake, and the
 * probe's certificate check is off because it carries no credential and reads one line.
 */
export function probeSmtpGreeting(host: string, port: number, over: 'plain' | 'tls'): Promise<boolean> {
  return new Promise((resolve) => {
    let received = '';
    const socket: net.Socket =
      over === 'tls'
        ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host, rejectUnauthorized: false })
        : net.connect({ host, port });
    const finish = (greeted: boolean) => {
      socket.destroy();
      resolve(greeted);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => finish(false));
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(/^220[ -]/.test(received)));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\n') || received.length > 512) finish(/^220[ -]/.test(received));
    });
  });
}
