// The SMTP sink every benchmark sends to: accepts everything and only counts, messages and connections. Plain
// JavaScript, so that sink-process.mjs runs it with node alone; bench-console.ts runs it in the benchmark's process.
import { SMTPServer } from 'smtp-server';

/** An SMTP server (not yet listening) and its counts so far. */
export function countingSink() {
  const counts = { received: 0, connections: 0 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onConnect(_session, callback) {
      counts.connections += 1;
      callback();
    },
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        counts.received += 1;
        callback();
      });
    },
  });
  return { server, counts };
}
