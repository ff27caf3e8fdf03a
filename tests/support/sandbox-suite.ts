import { afterAll, beforeAll } from 'vitest';
import type { Sandbox } from '../../sandbox/start-sandbox';
import { startTestSandbox } from './sandbox-connection';
import { type Provider, type TestDatabase, useFreshDatabase } from './use-database';

export interface SandboxSuite {
  readonly sandbox: Sandbox;
  readonly database: TestDatabase;
}

/** A fresh database of `provider` and a sandbox for the enclosing describe block, closed after it. */
export function sandboxSuite(provider: Provider = 'sqlite'): SandboxSuite {
  let sandbox: Sandbox | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
    await database?.cleanup();
  });
  return {
    get sandbox() {
      if (!sandbox) throw new Error('The sandbox starts in beforeAll');
      return sandbox;
    },
    get database() {
      if (!database) throw new Error('The database is created in beforeAll');
      return database;
    },
  };
}
