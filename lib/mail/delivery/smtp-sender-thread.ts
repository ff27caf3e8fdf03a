import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { SMTP_SENDER_SOURCE } from './smtp-sender-source';

// The outbox's pooled SMTP sending runs in a thread of its own: composing each message, streaming it and the SMTP
// dialogue cost more of the main thread than everything else a delivery does (bench:outbox's CPU profile: nodemailer
// and its streams about half the busy time), and on the main thread they compete with the console's requests and the
// database's replies. One thread per process, started at the first send (an idle console has none), kept on
// globalThis: the server entry and Next's bundle load their own copies of this module in one process.

export interface SentInfo {
  response: string;
  rejected: string[];
}

/** A pool in the sender thread, as nodemailer's transport is used: sendMail rejects with the SMTP error's fields. */
export interface ThreadedPool {
  sendMail(mail: Mail.Options): Promise<SentInfo>;
  close(): void;
}

type Reply =
  | { id: number; info: SentInfo }
  | { id: number; error: { message: string } & Record<string, string | number | undefined> };

interface SenderState {
  worker: Worker | null;
  nextId: number;
  pending: Map<number, { resolve(info: SentInfo): void; reject(error: Error): void }>;
  /** The pools the running thread has (a new thread has none). */
  opened: Set<string>;
  /** Ends the thread once nothing was sent for IDLE_STOP_MS. */
  idle: NodeJS.Timeout | null;
}

// A thread and its pools hold about 30 MB (bench:footprint); a console that stopped sending gives them back. The next
// message starts a thread again and opens its connections again (a few milliseconds, a TLS handshake).
const IDLE_STOP_MS = 20_000;

const KEY = Symbol.for('switchboard.mail.smtpSenderThread');

function state(): SenderState {
  const holder = globalThis as typeof globalThis & { [KEY]?: SenderState };
  holder[KEY] ??= { worker: null, nextId: 0, pending: new Map(), opened: new Set(), idle: null };
  return holder[KEY];
}

function senderThread(s: SenderState): Worker {
  if (s.worker) return s.worker;
  // Resolved from the project (the working folder of every entry point): inside Next's bundle a module's own URL
  // says little about where node_modules is.
  const driver = createRequire(path.join(process.cwd(), 'package.json')).resolve('nodemailer');
  const worker = new Worker(SMTP_SENDER_SOURCE, { eval: true, workerData: { driver } });
  // Holds the process open only while a message is on its way (see sendMail).
  worker.unref();
  const stopWhenIdle = () => {
    if (s.worker !== worker || s.pending.size > 0) return;
    s.worker = null;
    s.opened.clear();
    void worker.terminate();
  };
  worker.on('message', (reply: Reply) => {
    const waiter = s.pending.get(reply.id);
    s.pending.delete(reply.id);
    if (s.pending.size === 0) {
      worker.unref();
      if (s.idle) clearTimeout(s.idle);
      s.idle = setTimeout(stopWhenIdle, IDLE_STOP_MS).unref();
    }
    if (!waiter) return;
    if ('error' in reply) waiter.reject(Object.assign(new Error(reply.error.message), reply.error));
    else waiter.resolve(reply.info);
  });
  const fail = (error: Error) => {
    if (s.worker !== worker) return;
    s.worker = null;
    s.opened.clear();
    for (const waiter of s.pending.values()) waiter.reject(Object.assign(error, { code: 'ETHREAD' }));
    s.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('The SMTP sender thread stopped.')));
  s.worker = worker;
  return worker;
}

/** A pool with these nodemailer options in the sender thread, under `key` (a server and credential). */
export function threadedPool(key: string, options: SMTPPool.Options): ThreadedPool {
  return {
    sendMail(mail) {
      const s = state();
      if (s.idle) clearTimeout(s.idle);
      s.idle = null;
      const worker = senderThread(s);
      if (!s.opened.has(key)) {
        worker.postMessage({ type: 'open', key, options });
        s.opened.add(key);
      }
      const id = s.nextId++;
      return new Promise<SentInfo>((resolve, reject) => {
        // Throws for what cannot be copied to the thread (a stream as content, say): nothing is then waiting.
        worker.postMessage({ type: 'send', id, key, mail });
        if (s.pending.size === 0) worker.ref();
        s.pending.set(id, { resolve, reject });
      });
    },
    close() {
      const s = state();
      if (!s.opened.delete(key)) return;
      s.worker?.postMessage({ type: 'close', key });
    },
  };
}
