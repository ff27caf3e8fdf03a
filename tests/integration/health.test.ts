import { afterAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { disconnectDb } from '@/lib/db/prisma';
import { resetEnvForTests } from '@/lib/env';
import { useFreshDatabase } from '../support/use-database';

describe('GET /api/health', () => {
  afterAll(async () => disconnectDb());

  it('answers 200 with the database and key status', async () => {
    const database = await useFreshDatabase('sqlite');
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { ok: true, provider: 'sqlite' }, encryption: { ok: true, source: 'file' } });
    await database.cleanup();
  });

  it('answers 503 when the database is down, without echoing the connection string', async () => {
    await disconnectDb();
    process.env.DATABASE_URL = 'postgresql://switchboard:hunter2-db-password@127.0.0.1:1/none';
    resetEnvForTests();
    const response = await GET();
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: 'down', database: { ok: false, provider: 'postgresql' } });
    expect(text).not.toContain('hunter2');
  });
});
