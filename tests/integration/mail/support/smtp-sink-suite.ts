import { afterAll, beforeAll } from 'vitest';
import type { Worker } from '../../../support/spawn-worker';
import { type Provider, type TestDatabase, useFreshDatabase } from '../../../support/use-database';
import { saveSettings } from './save-settings';
import { type SmtpSink, startSmtpSink } from './smtp-sink';

// The outbox tests (crash, leases, claim window) all send to a plain SMTP sink on loopback, without STARTTLS or AUTH,
// from outbox@contoso.test; they differ only in how slow the sink answers. One setup, so they cannot drift apart.

export interface SmtpSinkSuite {
  readonly database: TestDatabase;
  readonly sink: SmtpSink;
  /** Worker processes the tests start: killed (SIGKILL) after the block, before the sink and database go. */
  readonly workers: Worker[];
}

/**
 * A fresh database of `provider` whose Emails settings send to a plain SMTP sink that waits `delayMs` before
 * answering DATA, for the enclosing describe block; closed after it.
 */
export function smtpSinkSuite(provider: Provider, delayMs: number): SmtpSinkSuite {
  let database: TestDatabase | undefined;
  let sink: SmtpSink | undefined;
  const workers: Worker[] = [];
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
    sink = await startSmtpSink({ starttls: false, delayMs });
    await saveSettings({
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${sink.port}`,
      smtpAuth: 'none',
      allowUnencrypted: 'on',
      senderAddress: 'outbox@contoso.test',
    });
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await sink?.close();
    await database?.cleanup();
  });
  return {
    get database() {
      if (!database) throw new Error('The database is created in beforeAll');
      return database;
    },
    get sink() {
      if (!sink) throw new Error('The sink starts in beforeAll');
      return sink;
    },
    workers,
  };
}
