// A Switchboard process running the SMTP relay and the outbox worker, the way server.ts does, for the SIGKILL test:
// prints "ready <port>", then works until it is killed.
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { startRelayListener } from '@/lib/mail/relay/start-relay-listener';

async function main(): Promise<void> {
  startOutboxWorker({ pollIntervalMs: 100, policy: { leaseMs: 2000, retryBaseMs: 200, retryMaxMs: 1000 } });
  const relay = startRelayListener({
    host: '127.0.0.1',
    port: 0,
    tlsPort: null,
    trustedProxies: [],
    pollIntervalMs: 60_000,
  });
  await relay.refresh();
  process.stdout.write(`ready ${relay.ports()?.port ?? 0}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
