// Finding 6 of issue 11: two administrators disabling each other at the same moment left none enabled (4 of 5
// rounds on PostgreSQL). Each round starts with exactly two enabled administrators who disable each other at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdministrator } from '@/lib/administrators/create-administrator';
import { setAdministratorDisabled } from '@/lib/administrators/set-administrator-disabled';
import { db } from '@/lib/db/prisma';
import { needsSessions } from '../../support/postgres-sessions';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';

const ROUNDS = 20;

describe.each(PROVIDERS)('the last administrator stays enabled (%s)', (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
  });
  afterAll(async () => database.cleanup());

  it.skipIf(needsSessions(provider))(
    `${ROUNDS} rounds of two administrators disabling each other at once always leave one enabled`,
    async () => {
      for (let round = 0; round < ROUNDS; round++) {
        await db().administrator.updateMany({ data: { disabledAt: new Date() } });
        const [a, b] = await Promise.all(
          ['a', 'b'].map(async (who) => {
            const created = await createAdministrator({
              name: who,
              email: `${who}-${round}@switchboard.test`,
              password: 'a-long-test-password',
            });
            if (!created.ok) throw new Error(created.error);
            return created.admin;
          }),
        );
        if (!a || !b) throw new Error('two administrators');
        const results = await Promise.all([
          setAdministratorDisabled({ id: b.id, disable: true, actingAdminId: a.id }),
          setAdministratorDisabled({ id: a.id, disable: true, actingAdminId: b.id }),
        ]);
        expect(await db().administrator.count({ where: { disabledAt: null } }), `round ${round}`).toBe(1);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.find((r) => !r.ok)).toEqual({
          ok: false,
          error: 'At least one administrator must stay enabled.',
        });
      }
    },
  );
});
