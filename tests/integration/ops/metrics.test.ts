import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as metricsGet } from '@/app/metrics/route';
import { POST } from '@/app/api/v1/messages/route';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { db } from '@/lib/db/prisma';
import { resetEnvForTests } from '@/lib/env';
import { type OutboxWorker, startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { saveSettings } from '../mail/support/save-settings';
import { type SmtpSink, startSmtpSink } from '../mail/support/smtp-sink';
import { waitFor } from '../mail/support/wait-for';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// GET /metrics as Prometheus and an attacker call it: absent without a configured token, refused without the right
// bearer token, and with it the counters follow messages sent through the public API to a real SMTP server.

const TOKEN = 'metrics-token-0123456789abcdef';
const ADMIN = { id: 'admin-id', email: 'admin@switchboard.test' };

function scrape(authorization?: string) {
  return metricsGet(new Request('http://localhost/metrics', { headers: authorization ? { authorization } : {} }));
}

/** The value of one sample in the text format, 0 when the series is absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('GET /metrics', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let worker: OutboxWorker | undefined;
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
    // The fourth message is refused for good, like a mailbox that does not exist.
    let count = 0;
    sink = await startSmtpSink({
      reject: () => (++count === 4 ? { code: 550, text: '5.1.1 Recipient address rejected' } : null),
    });
    await saveSettings({
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${sink.port}`,
      senderAddress: 'robot@contoso.test',
      allowUnencrypted: 'on',
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await sink?.close();
    delete process.env.SWITCHBOARD_METRICS_TOKEN;
    await database?.cleanup();
  });

  it('does not exist while SWITCHBOARD_METRICS_TOKEN is unset', async () => {
    delete process.env.SWITCHBOARD_METRICS_TOKEN;
    resetEnvForTests();
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('switchboard_');
  });

  it('refuses a request without the token, with another token or another scheme', async () => {
    process.env.SWITCHBOARD_METRICS_TOKEN = TOKEN;
    resetEnvForTests();
    for (const authorization of [
      undefined,
      'Bearer wrong-token-0123456789abcdef',
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
    ]) {
      const response = await scrape(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.text()).not.toContain('switchboard_');
    }
  });

  it('counts messages sent through the API: by state, by transport, attempts, latency', async () => {
    const before = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(before, 'switchboard_outbox_sent_total{transport="smtp"}')).toBe(0);
    expect(before).toContain('process_resident_memory_bytes');
    expect(before).toContain('nodejs_eventloop_lag_seconds');

    const { key } = await createApiKey('Metrics test', ADMIN);
    for (let i = 1; i <= 4; i++) {
      const response = await POST(
        new Request('http://localhost/api/v1/messages', {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ to: `user${i}@example.test`, subject: `Metrics ${i}`, text: 'Hello' }),
        }),
      );
      expect(response.status).toBe(202);
    }
    const queued = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(queued, 'switchboard_outbox_messages{state="queued"}')).toBe(4);

    worker = startOutboxWorker({ pollIntervalMs: 50, concurrency: 1 });
    await waitFor(
      'every message to be settled',
      async () => (await db().outboundMessage.count({ where: { state: { in: ['sent', 'failed'] } } })) === 4,
    );
    // A message's metrics are counted once its outcome is committed, after the row reads as settled: stopping the
    // worker waits for every delivery it started to finish, counting included.
    await worker.stop();
    worker = undefined;

    const after = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(sample(after, 'switchboard_outbox_sent_total{transport="smtp"}')).toBe(3);
    expect(sample(after, 'switchboard_outbox_failed_total{transport="smtp"}')).toBe(1);
    expect(sample(after, 'switchboard_outbox_attempts_total{transport="smtp",outcome="sent",answer_class="2xx"}')).toBe(
      3,
    );
    expect(
      sample(after, 'switchboard_outbox_attempts_total{transport="smtp",outcome="failed",answer_class="5xx"}'),
    ).toBe(1);
    expect(sample(after, 'switchboard_outbox_delivery_latency_seconds_count{transport="smtp"}')).toBe(3);
    expect(sample(after, 'switchboard_outbox_messages{state="queued"}')).toBe(0);
    expect(sample(after, 'switchboard_outbox_messages{state="sent"}')).toBe(3);
    expect(sample(after, 'switchboard_outbox_messages{state="failed"}')).toBe(1);
    expect(after).not.toContain(key);
  });
});
