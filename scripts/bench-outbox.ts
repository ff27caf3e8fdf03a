// `npm run bench:outbox [-- <messages>] [--rounds N] [--sink-in-process]`: messages per second through the outbox
// (accepted into the database, claimed by the worker, sent over pooled SMTP, recorded) to a local SMTP sink, beside
// plain pooled nodemailer sending the same number of messages to the same sink with the same concurrency, in the same
// run. The sink runs in a process of its own, as a mail server does (scripts/support/sink-process.mjs); with
// `--sink-in-process` in this one, as before 2026-12-07, where it shares plain nodemailer's event loop (every SMTP
// round trip answered without a thread waking up) but not the outbox's sender thread's. Uses a
// fresh SQLite database in a temporary folder; DATABASE_URL=postgresql://… benchmarks PostgreSQL instead (use an empty
// database). BENCH_CONCURRENCY (default 10) sets the messages in flight for both. BENCH_PROFILE=<folder> writes a CPU
// profile of each measured phase there (open it in Chrome's DevTools, Performance).
//
// Both sides are measured warm, as in a console that has been running: before anything is measured, plain nodemailer
// sends as many messages to the sink, and the outbox accepts and delivers as many (its first pass, printed as well).
// The JIT has then compiled the SMTP client, the sink and the outbox's own code alike, and on PostgreSQL the tables
// are analyzed, as autovacuum would have by then on a running server. Plain nodemailer was always
// measured warm; the outbox's first pass pays the compilation of its own code (claims, commits, the message's way
// through nodemailer's options) alone, worth 0.1-0.15 of the ratio on this 2-core machine.
//
// Then `--rounds` rounds (default 3), each an outbox pass and a plain pass side by side, in turn outbox first and plain
// first; the ratio is the median of the rounds' own ratios. On this shared 2-core machine plain nodemailer alone moves
// by 30 % from one run to the next and within a run, and whichever of two passes runs second tends to be faster: one
// pair measured in one order says as much about the machine as about the outbox. Round 1 is the order of one pass each
// (outbox, then plain), printed on its own line.
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { type EventLoopUtilization, performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { db, disconnectDb } from '@/lib/db/prisma';
import { statementCounter } from '@/lib/db/statement-counter';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { emailSettingsSchema } from '@/lib/mail/settings/email-settings-schema';
import { saveEmailSettings } from '@/lib/mail/settings/save-email-settings';
import { type Sink, startSink, startSinkProcess } from './support/bench-console';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
const COUNT = Number(args.find((a, i) => /^\d+$/.test(a) && i !== roundsAt + 1) ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const BODY = 'A notification from the benchmark.\n'.repeat(40);
const WARMUP = COUNT;
const SINK_IN_PROCESS = args.includes('--sink-in-process');

/** The sink, and a way to make its counts exact (they are at once in this process). */
type BenchSink = Sink & { settle(): Promise<void> };
const openSink = async (): Promise<BenchSink> =>
  SINK_IN_PROCESS ? { ...(await startSink()), settle: () => Promise.resolve() } : startSinkProcess();

/** Runs `fn` under the CPU profiler when BENCH_PROFILE names a folder. */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_PROFILE;
  if (!folder) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** CPU time of this process (user + system) in milliseconds: what a phase cost, whatever else ran on the machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * CPU time (user + system, milliseconds) of every PostgreSQL server process this machine shows, or null when it shows
 * none (SQLite, or a server elsewhere): what the database costs the machine beside this process.
 */
function postgresCpuMs(): number | null {
  let ticks = 0;
  let found = false;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    if (!stat.includes(' (postgres) ')) continue;
    found = true;
    // After the command's closing parenthesis: state is field 3, utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  // Linux counts in USER_HZ, 100 per second on every architecture Node runs on.
  return found ? ticks * 10 : null;
}

/** Milliseconds the main thread's event loop was busy (not waiting for I/O) since `from`. */
function loopBusyMs(from: EventLoopUtilization): number {
  return performance.eventLoopUtilization(from).active;
}

async function plainNodemailer(
  port: number,
  count = COUNT,
): Promise<{ rate: number; cpuPerMessage: number; loopPerMessage: number }> {
  const transport = nodemailer.createTransport({
    pool: true,
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    maxConnections: 5,
    maxMessages: 100,
  });
  const started = performance.now();
  const cpuAtStart = cpuMs();
  const loopAtStart = performance.eventLoopUtilization();
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await transport.sendMail({
        from: 'bench@contoso.test',
        to: `r${i}@example.test`,
        subject: `Message ${i}`,
        text: BODY,
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const seconds = (performance.now() - started) / 1000;
  const cpuPerMessage = (cpuMs() - cpuAtStart) / count;
  const loopPerMessage = loopBusyMs(loopAtStart) / count;
  transport.close();
  return { rate: count / seconds, cpuPerMessage, loopPerMessage };
}

interface OutboxFigures {
  accepted: number;
  delivered: number;
  endToEnd: number;
  acceptStatements: number;
  deliverStatements: number;
  deliverCpuPerMessage: number;
  deliverLoopPerMessage: number;
  /** The PostgreSQL server's CPU per message delivered, when it runs on this machine. */
  deliverServerCpuPerMessage: number | null;
}

/** The Emails settings the outbox sends with: plain SMTP to the sink. */
async function sendThroughSink(sink: Sink): Promise<void> {
  const input = emailSettingsSchema.parse({
    enabled: 'on',
    connectionType: 'smtp',
    smtpServer: `127.0.0.1:${sink.port}`,
    smtpAuth: 'none',
    allowUnencrypted: 'on',
    senderAddress: 'bench@contoso.test',
  });
  const saved = await saveEmailSettings(input, 'bench@switchboard.test');
  if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors));
}

/** One pass: COUNT more messages accepted, then delivered (the sink and the table keep earlier passes' messages). */
async function throughOutbox(sink: BenchSink, profileName = 'outbox-worker'): Promise<OutboxFigures> {
  await sink.settle();
  const [receivedBefore, sentBefore] = [
    sink.received(),
    await db().outboundMessage.count({ where: { state: 'sent' } }),
  ];
  const started = performance.now();
  const statementsAtStart = statementCounter.count;
  for (let i = 0; i < COUNT; i += 1) {
    await enqueueMessage({
      source: 'api',
      from: { address: 'bench@contoso.test', name: '' },
      to: [{ address: `r${i}@example.test`, name: '' }],
      subject: `Message ${i}`,
      text: BODY,
    });
  }
  const enqueued = performance.now();
  const statementsAtEnqueued = statementCounter.count;
  const cpuAtEnqueued = cpuMs();
  const loopAtEnqueued = performance.eventLoopUtilization();
  const serverCpuAtEnqueued = postgresCpuMs();
  const { done, statementsAtDone, cpuAtDone, loopBusy, serverCpuAtDone, worker } = await profiled(
    profileName,
    async () => {
      const worker = startOutboxWorker({ concurrency: CONCURRENCY, pollIntervalMs: 100 });
      // The sink's count costs next to nothing; the database is asked only once everything has arrived there (every
      // outcome recorded is the finish line), so the benchmark's own polling does not compete with the worker.
      for (;;) {
        await sink.settle();
        if (sink.received() - receivedBefore >= COUNT) {
          const sent = await db().outboundMessage.count({ where: { state: 'sent' } });
          if (sent >= sentBefore + COUNT) break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return {
        done: performance.now(),
        statementsAtDone: statementCounter.count,
        cpuAtDone: cpuMs(),
        loopBusy: loopBusyMs(loopAtEnqueued),
        serverCpuAtDone: postgresCpuMs(),
        worker,
      };
    },
  );
  await worker.stop();
  return {
    accepted: COUNT / ((enqueued - started) / 1000),
    delivered: COUNT / ((done - enqueued) / 1000),
    endToEnd: COUNT / ((done - started) / 1000),
    acceptStatements: (statementsAtEnqueued - statementsAtStart) / COUNT,
    // Less the benchmark's own final count queries (at most a few).
    deliverStatements: (statementsAtDone - statementsAtEnqueued) / COUNT,
    deliverCpuPerMessage: (cpuAtDone - cpuAtEnqueued) / COUNT,
    deliverLoopPerMessage: loopBusy / COUNT,
    deliverServerCpuPerMessage:
      serverCpuAtEnqueued === null || serverCpuAtDone === null ? null : (serverCpuAtDone - serverCpuAtEnqueued) / COUNT,
  };
}

interface Round {
  outboxFirst: boolean;
  outbox: OutboxFigures;
  plain: Awaited<ReturnType<typeof plainNodemailer>>;
  outboxConnections: number;
  plainConnections: number;
  ratio: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** One round: an outbox pass and a plain pass, in the order given, with the SMTP connections each opened. */
async function round(sink: BenchSink, index: number): Promise<Round> {
  const outboxFirst = index % 2 === 0;
  const measureOutbox = async () => {
    await sink.settle();
    const before = sink.connections();
    const outbox = await throughOutbox(sink, `outbox-worker-${index + 1}`);
    await sink.settle();
    return { outbox, outboxConnections: sink.connections() - before };
  };
  const measurePlain = async () => {
    await sink.settle();
    const before = sink.connections();
    const plain = await profiled(`plain-nodemailer-${index + 1}`, () => plainNodemailer(sink.port));
    await sink.settle();
    return { plain, plainConnections: sink.connections() - before };
  };
  const [o, p] = outboxFirst
    ? [await measureOutbox(), await measurePlain()]
    : await (async () => {
        const plainPass = await measurePlain();
        return [await measureOutbox(), plainPass] as const;
      })();
  return { outboxFirst, ...o, ...p, ratio: o.outbox.delivered / p.plain.rate };
}

async function main(): Promise<void> {
  if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error('--rounds takes a whole number of rounds, 1 or more.');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
  process.env.SWITCHBOARD_DATA_DIR = dataDir;
  process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';
  const config = resolveDatabaseConfig();
  await applyMigrations(config);
  const sink = await openSink();
  try {
    await plainNodemailer(sink.port, WARMUP);
    await sendThroughSink(sink);
    const firstPass = await throughOutbox(sink, 'outbox-worker-first-pass');
    // PostgreSQL: statistics as autovacuum keeps them on a running server (it analyzes a table once a tenth of it has
    // changed, checking every minute). A fresh database's tables were empty when the statements' plans were made and
    // cached, and a benchmark is over before autovacuum looks.
    if (config.provider === 'postgresql') await db().$executeRawUnsafe('ANALYZE');
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i += 1) rounds.push(await round(sink, i));
    const of = (pick: (r: Round) => number) => median(rounds.map(pick));
    const line = (label: string, rate: number) => `${label.padEnd(58)} ${rate.toFixed(0).padStart(6)} msg/s`;
    console.log(
      `${COUNT} messages of ${BODY.length} bytes to a local SMTP sink (${SINK_IN_PROCESS ? 'in this process' : 'a process of its own'}), ` +
        `${CONCURRENCY} in flight, 5 pooled connections, ${config.provider}:`,
    );
    rounds.forEach((r, i) =>
      console.log(
        `round ${i + 1} (${r.outboxFirst ? 'outbox first' : 'plain first '}): outbox worker ${r.outbox.delivered.toFixed(0)} msg/s, ` +
          `plain nodemailer ${r.plain.rate.toFixed(0)} msg/s, ratio ${r.ratio.toFixed(2)}`,
      ),
    );
    console.log(`medians of the ${ROUNDS} rounds:`);
    console.log(
      line(
        'accepted into the outbox (one at a time, committed)',
        of((r) => r.outbox.accepted),
      ),
    );
    console.log(
      line(
        'outbox worker: claimed, sent, recorded',
        of((r) => r.outbox.delivered),
      ),
    );
    console.log(
      line(
        'outbox end to end (accept + deliver)',
        of((r) => r.outbox.endToEnd),
      ),
    );
    console.log(
      line(
        'plain pooled nodemailer, same sink, same concurrency',
        of((r) => r.plain.rate),
      ),
    );
    console.log(`ratio outbox worker / plain nodemailer: ${of((r) => r.ratio).toFixed(2)}`);
    console.log(
      `${line('outbox worker, first pass (its own code not yet compiled)', firstPass.delivered)}, ratio ${(firstPass.delivered / of((r) => r.plain.rate)).toFixed(2)}`,
    );
    // With --sink-in-process both include the sink's share; on a loaded machine this ratio moves least.
    const [outboxCpu, plainCpu] = [of((r) => r.outbox.deliverCpuPerMessage), of((r) => r.plain.cpuPerMessage)];
    console.log(
      `CPU of this process per message: outbox worker ${outboxCpu.toFixed(2)} ms, plain nodemailer ${plainCpu.toFixed(2)} ms ` +
        `(ratio ${(plainCpu / outboxCpu).toFixed(2)})`,
    );
    // The main thread's share alone (the SQLite writer thread runs beside it): what slows every socket of the loop.
    console.log(
      `main thread's event loop busy per message: outbox worker ${of((r) => r.outbox.deliverLoopPerMessage).toFixed(2)} ms, plain nodemailer ${of((r) => r.plain.loopPerMessage).toFixed(2)} ms`,
    );
    const serverCpu = rounds.map((r) => r.outbox.deliverServerCpuPerMessage);
    if (serverCpu.every((value) => value !== null))
      console.log(
        `PostgreSQL server's CPU per message delivered (its processes on this machine): ${median(serverCpu).toFixed(2)} ms`,
      );
    console.log(
      `SQL statements per message (transaction control included): accept ${of((r) => r.outbox.acceptStatements).toFixed(2)}, deliver ${of((r) => r.outbox.deliverStatements).toFixed(2)}`,
    );
    console.log(
      `load average while running (2-core machine shared with other work): ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      `SMTP connections opened per pass: outbox worker ${of((r) => r.outboxConnections)}, plain nodemailer ${of((r) => r.plainConnections)}`,
    );
    await sink.settle();
    const expected = WARMUP + COUNT * (1 + 2 * ROUNDS);
    console.log(
      `sink received ${sink.received()} messages (expected ${expected}, ${WARMUP + COUNT} of them to warm up)`,
    );
  } finally {
    await sink.close();
    await disconnectDb();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
