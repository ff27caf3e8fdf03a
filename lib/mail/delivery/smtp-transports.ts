import 'server-only';
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { SmtpTlsMode } from '@/lib/mail/settings/smtp-security';
import { threadedPool } from './smtp-sender-thread';

// Pooled SMTP transports, one per distinct server and credential (a new access token makes a new pool, and the old
// one is closed once idle), in the SMTP sender thread (smtp-sender-thread.ts). Kept on globalThis: the server entry
// and Next's bundle load their own copies of this module in one process. A one-off transport (a test email) is made
// here, on the main thread.

export type SmtpAuth =
  | { type: 'none' }
  | { type: 'basic'; user: string; pass: string }
  | { type: 'oauth'; user: string; accessToken: string };

export interface SmtpEndpoint {
  host: string;
  port: number;
  /** Use SSL as resolved by smtpSecurity: implicit TLS, STARTTLS required, or STARTTLS when offered. */
  tls: SmtpTlsMode;
  auth: SmtpAuth;
}

/** What sending needs of a transport: nodemailer's own (one-off) or a pool in the sender thread. */
export interface Transport {
  sendMail(mail: Mail.Options): Promise<{ response?: unknown; rejected: unknown[] }>;
  close(): void;
}
interface Entry {
  transport: Transport;
  lastUsed: number;
}

const KEY = Symbol.for('switchboard.mail.smtpTransports');
const IDLE_CLOSE_MS = 60_000;

function entries(): Map<string, Entry> {
  const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, Entry> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

interface Timeouts {
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
}

const POOL_TIMEOUTS: Timeouts = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 120_000 };
// A test email answers within its request: each step gets less time than the whole attempt has.
const ONE_OFF_TIMEOUTS: Timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

function poolOptions(endpoint: SmtpEndpoint, maxConnections = 5, timeouts = POOL_TIMEOUTS): SMTPPool.Options {
  const { auth } = endpoint;
  return {
    pool: true,
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.tls === 'implicit',
    // A credential never travels in plain text: with one, STARTTLS is required even when Use SSL is off. Without
    // one and without Use SSL, STARTTLS is used when the server offers it (nodemailer's default).
    requireTLS: endpoint.tls === 'starttls' || (endpoint.tls === 'opportunistic' && auth.type !== 'none'),
    auth:
      auth.type === 'basic'
        ? { user: auth.user, pass: auth.pass }
        : auth.type === 'oauth'
          ? { type: 'OAuth2', user: auth.user, accessToken: auth.accessToken }
          : undefined,
    tls: { minVersion: 'TLSv1.2' },
    maxConnections,
    maxMessages: 100,
    // The outbox decides about retries (with the same Message-ID), not the pool.
    maxRequeues: 0,
    ...timeouts,
    logger: false,
  };
}

/** A connection of its own, closed after one message: a test email proves the whole handshake, AUTH included. */
export function oneOffSmtpTransport(endpoint: SmtpEndpoint): Transport {
  return nodemailer.createTransport(poolOptions(endpoint, 1, ONE_OFF_TIMEOUTS));
}

// An endpoint object is made once per prepared delivery and used for every message of it: its key is computed once.
const keyOf = new WeakMap<SmtpEndpoint, string>();

/** The pool for this endpoint and credential, created on first use. */
export function smtpTransport(endpoint: SmtpEndpoint): Transport {
  let key = keyOf.get(endpoint);
  if (key === undefined) {
    key = crypto.createHash('sha256').update(JSON.stringify(endpoint)).digest('base64url');
    keyOf.set(endpoint, key);
  }
  const now = Date.now();
  const map = entries();
  for (const [other, entry] of map) {
    if (other !== key && now - entry.lastUsed > IDLE_CLOSE_MS) {
      entry.transport.close();
      map.delete(other);
    }
  }
  let entry = map.get(key);
  if (!entry) {
    entry = { transport: threadedPool(key, poolOptions(endpoint)), lastUsed: now };
    map.set(key, entry);
  }
  entry.lastUsed = now;
  return entry.transport;
}

/** Closes every pool (worker shutdown). */
export function closeSmtpTransports(): void {
  const map = entries();
  for (const entry of map.values()) entry.transport.close();
  map.clear();
}
