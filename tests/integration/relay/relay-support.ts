import net from 'node:net';
import nodemailer from 'nodemailer';
import { db } from '@/lib/db/prisma';
import { createRelayClient } from '@/lib/mail/relay/create-relay-client';
import { relayClientSchema, type RelayClientInput } from '@/lib/mail/relay/relay-client-schema';
import { RELAY_SETTINGS_ID } from '@/lib/mail/relay/relay-settings-id';
import { type RelayListener, startRelayListener } from '@/lib/mail/relay/start-relay-listener';

// The relay as a device meets it: turned on as the console does, listening on a loopback port, and nodemailer as the
// printer or scanner.

export async function startRelay(
  trustedProxies: string[] = [],
  extra: { tlsPort?: number | null; legacyTls?: ('starttls' | 'tls')[] } = {},
): Promise<{ listener: RelayListener; port: number; tlsPort: number | null }> {
  await db().relaySettings.upsert({
    where: { id: RELAY_SETTINGS_ID },
    create: { id: RELAY_SETTINGS_ID, enabled: true },
    update: { enabled: true },
  });
  const listener = startRelayListener({
    host: '127.0.0.1',
    port: 0,
    tlsPort: extra.tlsPort ?? null,
    legacyTls: extra.legacyTls ?? [],
    trustedProxies,
    pollIntervalMs: 60_000,
  });
  await listener.refresh();
  const ports = listener.ports();
  if (!ports) throw new Error('the relay did not start');
  return { listener, port: ports.port, tlsPort: ports.tlsPort };
}

export async function addClient(input: Partial<RelayClientInput> & { name: string }) {
  const created = await createRelayClient(
    relayClientSchema.parse({ authMode: 'password', enabled: 'on', allowedSenders: '@contoso.test', ...input }),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  return created;
}

/** A device: STARTTLS required (the relay's certificate is self-signed), with or without a login. */
export function device(port: number, auth?: { user: string; pass: string }, options: { pool?: boolean } = {}) {
  const common = {
    host: '127.0.0.1',
    port,
    secure: false,
    requireTLS: Boolean(auth),
    ignoreTLS: !auth,
    tls: { rejectUnauthorized: false },
    ...(auth ? { auth } : {}),
  };
  return options.pool
    ? nodemailer.createTransport({ ...common, pool: true, maxConnections: 1, maxMessages: Infinity })
    : nodemailer.createTransport(common);
}

/** The SMTP answer a failed send got ("530 5.7.0 …"), or "250" when it was accepted. */
export async function answerOf(send: Promise<unknown>): Promise<string> {
  try {
    await send;
    return '250';
  } catch (error) {
    const e = error as { responseCode?: number; response?: string; message: string };
    return e.response ?? `${e.responseCode ?? ''} ${e.message}`;
  }
}

/** Talks SMTP by hand: the greeting, then the answer to each line. */
export async function talk(port: number, lines: string[]): Promise<string[]> {
  const socket = net.connect(port, '127.0.0.1');
  const answers: string[] = [];
  let buffer = '';
  let waiting: (() => void) | null = null;
  socket.on('data', (chunk) => {
    buffer += chunk.toString();
    if (/(^|\r\n)\d{3} [^\r\n]*\r\n$/.test(buffer)) {
      answers.push(buffer);
      buffer = '';
      waiting?.();
    }
  });
  const answered = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (answers.length >= count ? resolve() : (waiting = check));
      check();
    });
  await answered(1);
  for (const [index, line] of lines.entries()) {
    socket.write(`${line}\r\n`);
    await answered(index + 2);
  }
  socket.destroy();
  return answers;
}
