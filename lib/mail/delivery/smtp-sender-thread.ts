import 'server-only';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { type RequestThread, startRequestThread } from '@/lib/db/start-request-thread';
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

interface SenderState {
  thread: RequestThread | null;
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
  holder[KEY] ??= { thread: null, opened: new Set(), idle: null };
  return holder[KEY];
}

function senderThread(s: SenderState): RequestThread {
  if (s.thread?.alive) return s.thread;
  const thread = startRequestThread({
    source: SMTP_SENDER_SOURCE,
    driver: 'nodemailer',
    stoppedMessage: 'The SMTP sender thread stopped.',
    // The process may end while nothing is on its way, not while a message is.
    holdWhilePending: true,
    onIdle() {
      if (s.idle) clearTimeout(s.idle);
      // sendMail clears this timer before each message: when it fires, nothing is waiting.
      s.idle = setTimeout(() => thread.stop(), IDLE_STOP_MS).unref();
    },
    onEnd: () => s.opened.clear(),
  });
  s.thread = thread;
  return thread;
}

/** A pool with these nodemailer options in the sender thread, under `key` (a server and credential). */
export function threadedPool(key: string, options: SMTPPool.Options): ThreadedPool {
  return {
    sendMail(mail) {
      const s = state();
      if (s.idle) clearTimeout(s.idle);
      s.idle = null;
      const thread = senderThread(s);
      if (!s.opened.has(key)) {
        thread.post({ type: 'open', key, options });
        s.opened.add(key);
      }
      return thread.request<SentInfo>({ type: 'send', key, mail });
    },
    close() {
      const s = state();
      if (!s.opened.delete(key)) return;
      s.thread?.post({ type: 'close', key });
    },
  };
}
