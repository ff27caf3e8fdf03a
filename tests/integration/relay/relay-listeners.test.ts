import ipaddr from 'ipaddr.js';
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { getRelayOverview } from '@/lib/mail/relay/get-relay-overview';
import { RELAY_SETTINGS_ID } from '@/lib/mail/relay/relay-settings-id';
import { setRelayCertificate } from '@/lib/mail/relay/set-relay-certificate';
import { generateCertificate } from '@/lib/tenants/generate-certificate';
import type { RelayListener } from '@/lib/mail/relay/start-relay-listener';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { addClient, answerOf, startRelay, talk } from './relay-support';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// The listeners themselves: the console's switch, implicit TLS, TLS versions (1.2 and later unless a listener opts
// in to 1.0/1.1 for old printers), and PROXY protocol only from trusted proxies.

// A PROXY protocol v2 header as a load balancer sends it (destination 192.0.2.1:25 or [2001:db8::1]:25).
function proxyV2(kind: 'tcp4' | 'tcp6' | 'local', source: string): Buffer {
  const signature = Buffer.from('0d0a0d0a000d0a515549540a', 'hex');
  const port = (value: number) => Buffer.from([value >> 8, value & 0xff]);
  const bytes = (address: string) => Buffer.from(ipaddr.parse(address).toByteArray());
  const body =
    kind === 'tcp4'
      ? Buffer.concat([bytes(source), bytes('192.0.2.1'), port(40000), port(25)])
      : kind === 'tcp6'
        ? Buffer.concat([bytes(source), bytes('2001:db8::1'), port(40000), port(25)])
        : Buffer.alloc(0);
  const head = Buffer.from([kind === 'local' ? 0x20 : 0x21, kind === 'tcp4' ? 0x11 : kind === 'tcp6' ? 0x21 : 0x00]);
  return Buffer.concat([signature, head, port(body.length), body]);
}

const OLD_PRINTER_TLS = {
  rejectUnauthorized: false,
  minVersion: 'TLSv1',
  maxVersion: 'TLSv1',
  ciphers: 'DEFAULT:@SECLEVEL=0',
} as const;

describe('SMTP relay listeners (SQLite)', () => {
  let database: TestDatabase;
  let relay: { listener: RelayListener; port: number; tlsPort: number | null } | undefined;
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
  });
  afterEach(async () => {
    await relay?.listener.stop();
    relay = undefined;
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  const accepts = (port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('data', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });

  it('greets a device without looking its address up in reverse DNS (a DNS that never answers delays nothing)', async () => {
    // A resolver that never answers, as a network's DNS may not for a printer's address: smtp-server would wait up to
    // 1.5 s for it before each greeting.
    const lookups: string[] = [];
    const reverse = dns.reverse;
    dns.reverse = ((address: string) => void lookups.push(address)) as typeof dns.reverse;
    try {
      relay = await startRelay();
      const [greeting] = await talk(relay.port, []);
      expect(greeting).toMatch(/^220 .*Switchboard SMTP relay/);
      expect(lookups).toEqual([]);
    } finally {
      dns.reverse = reverse;
    }
  });

  it('listens only while relaying is turned on in the console', async () => {
    relay = await startRelay();
    expect(await accepts(relay.port)).toBe(true);
    await db().relaySettings.update({ where: { id: RELAY_SETTINGS_ID }, data: { enabled: false } });
    await relay.listener.refresh();
    expect(relay.listener.ports()).toBeNull();
    expect(await accepts(relay.port)).toBe(false);
  });

  it('implicit TLS on the TLS port; TLS 1.0 refused by default', async () => {
    relay = await startRelay([], { tlsPort: 0 });
    const client = await addClient({ name: 'Modern', username: 'modern' });
    const login = { user: client.username ?? '', pass: client.password ?? '' };
    const modern = nodemailer.createTransport({
      host: '127.0.0.1',
      port: relay.tlsPort ?? 0,
      secure: true,
      auth: login,
      tls: { rejectUnauthorized: false },
    });
    expect(await answerOf(modern.verify())).toBe('250');
    const old = nodemailer.createTransport({
      host: '127.0.0.1',
      port: relay.tlsPort ?? 0,
      secure: true,
      auth: login,
      tls: OLD_PRINTER_TLS,
    });
    expect(await answerOf(old.verify())).not.toBe('250');
    const oldStarttls = nodemailer.createTransport({
      host: '127.0.0.1',
      port: relay.port,
      requireTLS: true,
      auth: login,
      tls: OLD_PRINTER_TLS,
    });
    expect(await answerOf(oldStarttls.verify())).not.toBe('250');
  });

  it('a listener opted in to legacy TLS accepts a TLS 1.0 printer', async () => {
    relay = await startRelay([], { legacyTls: ['starttls'] });
    const client = await addClient({ name: 'Old printer', username: 'old-printer' });
    const old = nodemailer.createTransport({
      host: '127.0.0.1',
      port: relay.port,
      requireTLS: true,
      auth: { user: client.username ?? '', pass: client.password ?? '' },
      tls: OLD_PRINTER_TLS,
    });
    expect(await answerOf(old.verify())).toBe('250');
  });

  // Through a proxy at 127.0.0.1: the PROXY header (v1 text or v2 bytes), then EHLO and MAIL FROM; the SMTP answers.
  const throughProxy = async (port: number, preamble: string | Buffer) => {
    const socket = net.connect(port, '127.0.0.1');
    const lines = [preamble, 'EHLO device.test', 'MAIL FROM:<copier@contoso.test>'];
    let text = '';
    let closed = false;
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => (closed = true));
    const answers = () => (text.match(/^\d{3} /gm) ?? []).length;
    const answered = async (count: number) => {
      const deadline = Date.now() + 5000;
      while (answers() < count && !closed && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(typeof preamble === 'string' ? `${preamble}\r\n` : preamble);
    await answered(1);
    for (const [index, line] of lines.slice(1).entries()) {
      socket.write(`${String(line)}\r\n`);
      await answered(index + 2);
    }
    socket.destroy();
    return text;
  };

  it('with a trusted proxy in front, a network-only client is refused unless the PROXY header names its address', async () => {
    relay = await startRelay(['127.0.0.1']);
    await addClient({ name: 'Behind proxy', authMode: 'network', networks: '192.0.2.0/24' });
    const send = (preamble: string) => throughProxy(relay?.port ?? 0, preamble);
    expect(await send('PROXY TCP4 192.0.2.10 192.0.2.1 40000 25')).toMatch(/^250 Accepted/m);
    expect(await send('PROXY UNKNOWN')).toMatch(/^530 5\.7\.0 Authentication required/m);
    expect(await send('PROXY TCP4 198.51.100.7 192.0.2.1 40000 25')).toMatch(/^530 5\.7\.0/m);
  });

  it('takes PROXY protocol v2 (binary) from a trusted proxy, on the STARTTLS port and before implicit TLS', async () => {
    relay = await startRelay(['127.0.0.1'], { tlsPort: 0 });
    await addClient({ name: 'Behind NLB', authMode: 'network', networks: '192.0.2.0/24, 2001:db8::/32' });
    const send = (preamble: Buffer) => throughProxy(relay?.port ?? 0, preamble);
    expect(await send(proxyV2('tcp4', '192.0.2.10'))).toMatch(/^250 Accepted/m);
    expect(await send(proxyV2('tcp6', '2001:db8::10'))).toMatch(/^250 Accepted/m);
    expect(await send(proxyV2('tcp4', '198.51.100.7'))).toMatch(/^530 5\.7\.0/m);
    // LOCAL (the balancer's own health check) names no device: the proxy's address, where network clients are refused.
    expect(await send(proxyV2('local', ''))).toMatch(/^530 5\.7\.0 Authentication required/m);
    // A malformed header closes the connection before any SMTP is spoken.
    const bad = proxyV2('tcp4', '192.0.2.10');
    bad[12] = 0x31;
    expect(await send(bad)).toBe('');

    // Implicit TLS: the header comes first in the clear, then the handshake.
    const raw = net.connect(relay.tlsPort ?? 0, '127.0.0.1');
    await new Promise((resolve) => raw.once('connect', resolve));
    raw.write(proxyV2('tcp4', '192.0.2.11'));
    const secured = tls.connect({ socket: raw, rejectUnauthorized: false });
    let text = '';
    secured.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (/^220 /m.test(text) && !text.includes('EHLO-sent')) {
        text += 'EHLO-sent\n';
        secured.write('EHLO device.test\r\nMAIL FROM:<copier@contoso.test>\r\n');
      }
    });
    const answered = await new Promise<string>((resolve) => {
      secured.on('data', () => /^250 Accepted/m.test(text) && resolve(text));
      secured.on('close', () => resolve(text));
    });
    secured.destroy();
    expect(answered).toMatch(/^250 Accepted/m);
  });

  it('presents an uploaded certificate once saved; a key that does not belong to it is refused at its field', async () => {
    relay = await startRelay([], { tlsPort: 0 });
    const uploaded = generateCertificate('relay.contoso.test', 30, 2048, 'serverAuth');
    const other = generateCertificate('other.contoso.test', 30, 2048, 'serverAuth');
    expect(await setRelayCertificate(uploaded.certificatePem, other.privateKeyPem)).toEqual({
      ok: false,
      fieldErrors: { privateKeyPem: 'The private key does not belong to the certificate.' },
    });
    expect(await setRelayCertificate(uploaded.certificatePem, uploaded.privateKeyPem)).toMatchObject({ ok: true });
    await relay.listener.refresh();
    const tlsPort = relay.listener.ports()?.tlsPort ?? 0;
    const presented = await new Promise<string>((resolve, reject) => {
      const socket = tls.connect({ port: tlsPort, host: '127.0.0.1', rejectUnauthorized: false }, () => {
        resolve(socket.getPeerX509Certificate()?.fingerprint256.replaceAll(':', '') ?? '');
        socket.destroy();
      });
      socket.once('error', reject);
    });
    expect(presented).toBe(uploaded.thumbprintSha256);
    expect((await getRelayOverview()).certificate).toMatchObject({
      generated: false,
      thumbprintSha256: uploaded.thumbprintSha256,
    });
  });
});
