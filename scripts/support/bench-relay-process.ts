// The Switchboard side of `bench:relay`, in a process of its own as server.ts runs it: the SMTP relay and the outbox
// worker on the database and data folder of the environment. Prints "ready <port> <resident bytes>"; on "stop" (stdin)
// it stops both and prints "peak <bytes>", its peak resident memory, so the figure is the relay's alone (the sandbox
// and the benchmark's clients live in the parent).
import readline from 'node:readline';
import { disconnectDb } from '@/lib/db/prisma';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { startRelayListener } from '@/lib/mail/relay/start-relay-listener';

async function main(): Promise<void> {
  const concurrency = Number(process.env.BENCH_WORKER_CONCURRENCY ?? 10);
  const worker = startOutboxWorker({ concurrency, pollIntervalMs: 100 });
  const relay = startRelayListener({
    host: '127.0.0.1',
    port: 0,
    tlsPort: null,
    trustedProxies: [],
    pollIntervalMs: 60_000,
  });
  await relay.refresh();
  process.stdout.write(`ready ${relay.ports()?.port ?? 0} ${process.memoryUsage.rss()}\n`);
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() !== 'stop') continue;
    await relay.stop();
    await worker.stop();
    await disconnectDb();
    // maxRSS is in kilobytes (kibibytes on Linux).
    process.stdout.write(`peak ${process.resourceUsage().maxRSS * 1024}\n`);
    process.exit(0);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
