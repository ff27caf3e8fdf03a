// (e) A CRUD round trip through createPrismaClient on each provider, including what depends on the connection
// set-up: foreign keys enforced (cascade and restrict), unique violations as P2002, DateTime round trip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../lib/db/apply-migrations';
import { createPrismaClient, type Db } from '../../../lib/db/create-prisma-client';
import { freshDatabase, type FreshDatabase } from './fresh-database';

describe.each(['sqlite', 'postgresql'] as const)('Prisma client on %s', (provider) => {
  let database: FreshDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await freshDatabase(provider);
    await applyMigrations(database.config);
    db = createPrismaClient(database.config);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.cleanup();
  });

  it('creates, reads, updates and deletes rows, with relations', async () => {
    const expiresAt = new Date('2030-01-02T03:04:05.678Z');
    const admin = await db.administrator.create({
      data: {
        email: 'ada@example.test',
        name: 'Ada',
        passwordHash: 'x',
        sessions: {
          create: [
            { tokenHash: 'token-1', expiresAt },
            { tokenHash: 'token-2', expiresAt },
          ],
        },
      },
    });
    expect(admin.id).toMatch(/^c[a-z0-9]{20,}$/); // cuid default
    expect(admin.createdAt).toBeInstanceOf(Date);

    const found = await db.administrator.findUnique({
      where: { email: 'ada@example.test' },
      include: { sessions: true },
    });
    expect(found?.sessions.map((s) => s.tokenHash).sort()).toEqual(['token-1', 'token-2']);
    expect(found?.sessions[0]?.expiresAt.toISOString()).toBe(expiresAt.toISOString());

    const updated = await db.administrator.update({ where: { id: admin.id }, data: { name: 'Ada L.' } });
    expect(updated.name).toBe('Ada L.');
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(admin.updatedAt.getTime());

    await db.administrator.delete({ where: { id: admin.id } });
    // onDelete: Cascade is done by the database's foreign key (on SQLite only when foreign_keys=ON).
    expect(await db.session.count({ where: { administratorId: admin.id } })).toBe(0);
  });

  it('reports a unique violation as P2002', async () => {
    await db.tenant.create({ data: { name: 'Contoso', directoryId: 'd', clientId: 'c' } });
    await expect(
      db.tenant.create({ data: { name: 'Contoso', directoryId: 'd', clientId: 'c' } }),
    ).rejects.toMatchObject({
      code: 'P2002',
    });
  });

  it('enforces onDelete: Restrict and runs interactive transactions', async () => {
    const tenant = await db.tenant.create({ data: { name: 'Fabrikam', directoryId: 'd', clientId: 'c' } });
    const service = await db.service.create({
      data: {
        name: 'Mail',
        authType: 'delegated',
        capabilities: { create: { key: 'smtp', name: 'SMTP', scopes: 's' } },
      },
    });
    await db.$transaction(async (tx) => {
      await tx.serviceConnection.create({
        data: {
          name: 'Mail @ Fabrikam',
          serviceId: service.id,
          serviceName: service.name,
          tenantId: tenant.id,
          tenantName: tenant.name,
        },
      });
    });
    await expect(db.service.delete({ where: { id: service.id } })).rejects.toThrow();
    expect(await db.service.count({ where: { id: service.id } })).toBe(1);
    const connection = await db.serviceConnection.findFirstOrThrow({
      include: { service: { include: { capabilities: true } } },
    });
    expect(connection.state).toBe('not_authenticated');
    expect(connection.service.capabilities[0]?.optional).toBe(false);
  });
});

it('opens SQLite in WAL mode with foreign keys and a busy timeout', async () => {
  const database = await freshDatabase('sqlite');
  const db = createPrismaClient(database.config);
  try {
    const [journal] = await db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
    const [fk] = await db.$queryRawUnsafe<{ foreign_keys: number | bigint }[]>('PRAGMA foreign_keys');
    const [busy] = await db.$queryRawUnsafe<{ timeout: number | bigint }[]>('PRAGMA busy_timeout');
    expect(journal?.journal_mode).toBe('wal');
    expect(Number(fk?.foreign_keys)).toBe(1);
    expect(Number(busy?.timeout)).toBe(5000);
  } finally {
    await db.$disconnect();
    await database.cleanup();
  }
});
