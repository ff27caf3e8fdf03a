import { db } from '@/lib/db/prisma';
import { ensureBuiltInServices } from '@/lib/services/ensure-built-in-services';

/** A robot mailbox row (and the connection it needs) written straight to the store: no Microsoft involved. */
export async function seedMailbox(
  name: string,
  fields: { webhookUrl?: string; lastError?: string; lastErrorAt?: Date; lastSuccessAt?: Date } = {},
): Promise<string> {
  await ensureBuiltInServices();
  const service = await db().service.findFirstOrThrow({ where: { builtInKey: { not: null } } });
  const tenant = await db().tenant.create({
    data: {
      name: `Tenant of ${name}`,
      directoryId: 'contoso.onmicrosoft.com',
      clientId: '00000000-0000-0000-0000-000000000001',
    },
  });
  const connection = await db().serviceConnection.create({
    data: { name: `Connection of ${name}`, serviceId: service.id, tenantId: tenant.id },
  });
  const mailbox = await db().robotMailbox.create({ data: { name, connectionId: connection.id, ...fields } });
  return mailbox.id;
}
