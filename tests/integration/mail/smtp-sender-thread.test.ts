import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { sendOverSmtp } from '@/lib/mail/delivery/send-over-smtp';
import { closeSmtpTransports } from '@/lib/mail/delivery/smtp-transports';
import type { OutboundContent } from '@/lib/mail/mail-address';

// The outbox's pooled SMTP sending runs in a thread of its own (lib/mail/delivery/smtp-sender-thread.ts): a message
// goes on the wire, and its SMTP dialogue goes on, while this process's main thread is busy (a burst of console
// requests, a database reply being parsed). The SMTP server here runs in a thread of its own too, and counts each
// message that arrived in shared memory; the main thread is then blocked until one has arrived (Atomics.wait, up to
// 20 s). On the main thread, nodemailer could not even connect before that wait ended.

const SINK_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { SMTPServer } = require(workerData.smtpServer);
const arrived = new Int32Array(workerData.shared);
const server = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      Atomics.add(arrived, 0, 1);
      Atomics.notify(arrived, 0);
      callback(null, 'Queued as SINK1');
    });
  },
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.server.address().port));
parentPort.on('message', () => server.close(() => parentPort.close()));
`;

function message(subject: string): OutboundContent {
  return {
    id: 'm1',
    messageIdHeader: '<thread-test@switchboard.test>',
    createdAt: new Date(),
    from: { address: 'notifications@contoso.test', name: 'Contoso' },
    to: [{ address: 'ann@example.test', name: '' }],
    cc: [],
    bcc: [],
    replyTo: [],
    subject,
    text: 'Sent while the main thread was busy.',
    html: null,
    attachments: [
      {
        filename: 'a.bin',
        contentType: 'application/octet-stream',
        contentId: null,
        inline: false,
        content: Buffer.from('attached'),
      },
    ],
  };
}

describe('pooled SMTP sending in its own thread', () => {
  const shared = new SharedArrayBuffer(4);
  const arrived = new Int32Array(shared);
  const smtpServer = createRequire(import.meta.url).resolve('smtp-server');
  const sink = new Worker(SINK_SOURCE, { eval: true, workerData: { shared, smtpServer } });
  afterAll(async () => {
    closeSmtpTransports();
    sink.postMessage('close');
    await once(sink, 'exit');
  });

  it('delivers a message while the main thread is blocked, and reports the server’s reply', async () => {
    const [port] = (await once(sink, 'message')) as [number];
    const endpoint = { host: '127.0.0.1', port, tls: 'opportunistic' as const, auth: { type: 'none' as const } };
    const sending = sendOverSmtp(message('busy main thread'), endpoint);
    // Blocked from here: no timer, socket or promise of this thread runs until a message arrived (or 20 s passed).
    const waited = Atomics.wait(arrived, 0, 0, 20_000);
    expect(waited).not.toBe('timed-out');
    expect(Atomics.load(arrived, 0)).toBe(1);
    expect(await sending).toMatchObject({ kind: 'sent', code: '250', providerMessageId: 'SINK1' });
  });
});
