// The load of `bench:relay` and what it measures: M clients sending N messages (a share with a 1 MB attachment),
// each to a recipient of its own, so the sandbox's mailboxes say which messages arrived and how many times.
import crypto from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { Sandbox } from '../../sandbox/start-sandbox';
import { answerOf } from '../../tests/integration/relay/relay-support';

export interface LoadPlan {
  count: number;
  clients: number;
  /** The share of messages (0–1) that carry a 1 MB attachment. */
  attachmentShare: number;
  /** Names this phase's recipients (`<tag>-<i>@fabrikam.test`). */
  tag: string;
  from: string;
}

export interface SentMessage {
  recipient: string;
  big: boolean;
  /** "250", or the refusal the client got. */
  answer: string;
  /** Milliseconds from the client's sendMail to its answer (connection, TLS and login included when per message). */
  toAnswerMs: number;
  /** Wall clock of the answer, compared with the sandbox's receivedDateTime. */
  answeredAt: number;
}

export interface LoadResult {
  sent: SentMessage[];
  /** From the first sendMail to the last answer. */
  seconds: number;
}

const ATTACHMENT = crypto.randomBytes(1024 * 1024);
const BODY = 'A scan from the benchmark.\n'.repeat(20);

/** Whether message `i` carries the attachment: exactly round(count × share) of them, spread evenly. */
const isBig = (i: number, share: number) => Math.floor((i + 1) * share) > Math.floor(i * share);

/** Sends the plan's messages from `plan.clients` lanes, each with its own transport, one message in flight per lane. */
export async function sendLoad(plan: LoadPlan, transportFor: (lane: number) => Transporter): Promise<LoadResult> {
  const sent: SentMessage[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async (index: number) => {
    const transport = transportFor(index);
    while (next < plan.count) {
      const i = next++;
      const recipient = `${plan.tag}-${i}@fabrikam.test`;
      const big = isBig(i, plan.attachmentShare);
      const begun = performance.now();
      const answer = await answerOf(
        transport.sendMail({
          from: plan.from,
          to: recipient,
          subject: `Bench ${plan.tag} ${i}`,
          text: BODY,
          attachments: big ? [{ filename: 'scan.pdf', content: ATTACHMENT, contentType: 'application/pdf' }] : [],
        }),
      );
      sent.push({ recipient, big, answer, toAnswerMs: performance.now() - begun, answeredAt: Date.now() });
    }
    transport.close();
  };
  await Promise.all(Array.from({ length: plan.clients }, (_, index) => lane(index)));
  return { sent, seconds: (performance.now() - started) / 1000 };
}

/** When each recipient's copies reached its Inbox at the sandbox (receivedDateTime, ms). */
function arrivals(sandbox: Sandbox, recipient: string): number[] {
  return sandbox.control.readMailbox(recipient).map((m) => Date.parse(m.receivedDateTime));
}

export interface DeliveryOptions {
  /** Messages the outbox still has to send (queued or being sent); null when there is no outbox (direct sending). */
  outstanding: (() => Promise<number>) | null;
  timeoutMs: number;
}

/**
 * Waits until every message answered 250 is at the sandbox; or, when some are not, until the outbox has nothing left
 * to send (those are lost) or the timeout. Returns every recipient's arrivals, refused messages' included.
 */
export async function watchDelivery(
  sandbox: Sandbox,
  sent: SentMessage[],
  options: DeliveryOptions,
): Promise<Map<string, number[]>> {
  const pending = new Set(sent.filter((s) => s.answer === '250').map((s) => s.recipient));
  const deadline = performance.now() + options.timeoutMs;
  let lastAsked = 0;
  let idleChecks = 0;
  while (pending.size > 0 && performance.now() < deadline) {
    for (const recipient of pending) if (arrivals(sandbox, recipient).length > 0) pending.delete(recipient);
    if (pending.size === 0) break;
    // The sandbox costs nothing to ask; the database is asked once a second, and twice empty means nothing is coming.
    if (performance.now() - lastAsked >= 1000) {
      lastAsked = performance.now();
      const left = options.outstanding ? await options.outstanding() : 0;
      idleChecks = left === 0 ? idleChecks + 1 : 0;
      if (idleChecks >= 2) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return new Map(sent.map((s) => [s.recipient, arrivals(sandbox, s.recipient)]));
}

export interface PhaseFigures {
  label: string;
  sent: number;
  answered250: number;
  /** Each refusal's text (first 80 characters) and how often. */
  refusals: Map<string, number>;
  acceptedPerSecond: number;
  toAnswerP50: number;
  toAnswerP95: number;
  toDeliveredP50: number | null;
  toDeliveredP95: number | null;
  delivered: number;
  missing: number;
  duplicates: number;
  deliveredThoughRefused: number;
  /** The relay process's resident memory when it was ready, and its peak; null when no relay was involved. */
  memory: { readyBytes: number; peakBytes: number } | null;
}

/** Nearest-rank percentile; NaN for no values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export function figuresOf(
  label: string,
  load: LoadResult,
  arrived: Map<string, number[]>,
  memory: PhaseFigures['memory'],
): PhaseFigures {
  const accepted = load.sent.filter((s) => s.answer === '250');
  const refusals = new Map<string, number>();
  for (const s of load.sent.filter((m) => m.answer !== '250')) {
    const text = s.answer.slice(0, 80);
    refusals.set(text, (refusals.get(text) ?? 0) + 1);
  }
  const toDelivered: number[] = [];
  let delivered = 0;
  let duplicates = 0;
  for (const s of accepted) {
    const times = arrived.get(s.recipient) ?? [];
    if (times.length === 0) continue;
    delivered += 1;
    duplicates += times.length - 1;
    toDelivered.push(Math.min(...times) - s.answeredAt);
  }
  const deliveredThoughRefused = load.sent.filter(
    (s) => s.answer !== '250' && (arrived.get(s.recipient)?.length ?? 0) > 0,
  ).length;
  const toAnswer = load.sent.map((s) => s.toAnswerMs);
  return {
    label,
    sent: load.sent.length,
    answered250: accepted.length,
    refusals,
    acceptedPerSecond: accepted.length / load.seconds,
    toAnswerP50: percentile(toAnswer, 50),
    toAnswerP95: percentile(toAnswer, 95),
    toDeliveredP50: toDelivered.length ? percentile(toDelivered, 50) : null,
    toDeliveredP95: toDelivered.length ? percentile(toDelivered, 95) : null,
    delivered,
    missing: accepted.length - delivered,
    duplicates,
    deliveredThoughRefused,
    memory,
  };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const ms = (value: number | null) => (value === null || Number.isNaN(value) ? '—' : `${value.toFixed(0)} ms`);

/** The table of every phase, one row each, and below it any refusal the clients got. */
export function formatFigures(rows: PhaseFigures[]): string {
  const head = [
    'mode',
    'accepted/s',
    '250 p50',
    '250 p95',
    'delivered p50',
    'delivered p95',
    '250s',
    'at sandbox',
    'missing',
    'duplicates',
    'relay RSS peak (ready)',
  ];
  const body = rows.map((r) => [
    r.label,
    r.acceptedPerSecond.toFixed(1),
    ms(r.toAnswerP50),
    ms(r.toAnswerP95),
    ms(r.toDeliveredP50),
    ms(r.toDeliveredP95),
    `${r.answered250}/${r.sent}`,
    String(r.delivered),
    String(r.missing),
    String(r.duplicates),
    r.memory === null ? '—' : `${mb(r.memory.peakBytes)} MB (${mb(r.memory.readyBytes)})`,
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  const out = [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
  for (const r of rows) {
    for (const [text, times] of r.refusals) out.push(`${r.label}: ${times} × ${text}`);
    if (r.deliveredThoughRefused > 0)
      out.push(`${r.label}: ${r.deliveredThoughRefused} refused message(s) were delivered all the same`);
  }
  return out.join('\n');
}
