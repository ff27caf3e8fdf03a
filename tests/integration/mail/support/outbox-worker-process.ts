// A Switchboard process that runs only the outbox worker, the way server.ts does, for the crash and lease tests:
// `outbox-worker-process.ts <leaseMs> <concurrency>`. Prints "ready <workerId>", then works until it is stopped
// (a line "stop" on stdin, or a signal: SIGKILL in the crash test).
import readline from 'node:readline';
import { disconnectDb } from '@/lib/db/prisma';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';

const [leaseText = '2000', concurrencyText = '10'] = process.argv.slice(2);

async function main(): Promise<void> {
  const worker = startOutboxWorker({
    concurrency: Number(concurrencyText),
    pollIntervalMs: 100,
    policy: { leaseMs: Number(leaseText), retryBaseMs: 200, retryMaxMs: 1000 },
  });
  process.stdout.write(`ready ${worker.workerId}\n`);
  const input = readline.createInterface({ input: process.stdin });
  for await (const line of input) {
    if (line.trim() === 'stop') break;
  }
  await worker.stop();
  await disconnectDb();
  process.stdout.write('stopped\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
