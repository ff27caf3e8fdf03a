// `npm run bench:api`: the acceptance path under load. Starts the console with `npm start` (built first when the
// sources changed, outside the timing) on a fresh SQLite database, or DATABASE_URL=postgresql://… (an empty
// database), and sends POST /api/v1/messages from 50 concurrent clients for 20 seconds while the outbox worker
// delivers to a local SMTP sink. Prints requests per second, p50/p99 latency and errors.
// BENCH_CLIENTS, BENCH_SECONDS and BENCH_PORT change the defaults.
import os from 'node:os';
import { buildIfNeeded } from './support/build-if-needed.mjs';
import { loadMessagesApi, prepareDatabase, ROOT, startConsole, startSink } from './support/bench-console';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

async function main(): Promise<void> {
  buildIfNeeded(ROOT, { ...process.env });
  const sink = await startSink();
  const prepared = await prepareDatabase(sink.port);
  const server = await startConsole(prepared.env);
  try {
    const result = await loadMessagesApi(server.url, prepared.apiKey, CLIENTS, SECONDS);
    const errors =
      Object.entries(result.errors)
        .map(([status, n]) => `${n} × ${status}`)
        .join(', ') || 'none';
    console.log(
      `POST /api/v1/messages, ${CLIENTS} concurrent clients, ${SECONDS} s, ${prepared.provider}, the outbox worker delivering meanwhile:`,
    );
    console.log(
      `requests ${result.requests}, ${result.perSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors: ${errors}`,
    );
    console.log(`delivered to the sink during the run: ${sink.received()}`);
    console.log(
      `load average (2-core machine shared with other work): ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await server.stop();
    await sink.close();
    prepared.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
