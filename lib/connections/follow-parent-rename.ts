import 'server-only';
import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { generatedConnectionName } from './generated-name';
import { termsOfName } from './search-terms';

export type RenamedParent = { tenantId: string; tenantName: string } | { serviceId: string; serviceName: string };

/**
 * Inside the transaction that renamed a tenant or a service: every connection of it gets the new copy of the name
 * (the list sorts by it), and those whose name was never edited are renamed "Service - Tenant" (with their search
 * terms). A clash with another connection's name throws the unique violation, rolling the rename back.
 */
export async function followParentRename(tx: Prisma.TransactionClient, parent: RenamedParent): Promise<number> {
  const where = 'tenantId' in parent ? { tenantId: parent.tenantId } : { serviceId: parent.serviceId };
  await tx.serviceConnection.updateMany({
    where,
    data: 'tenantId' in parent ? { tenantName: parent.tenantName } : { serviceName: parent.serviceName },
  });
  const connections = await tx.serviceConnection.findMany({
    where: { ...where, nameCustomized: false },
    select: { id: true, name: true, serviceName: true, tenantName: true },
  });
  let renamed = 0;
  for (const connection of connections) {
    const name = generatedConnectionName(connection.serviceName, connection.tenantName);
    if (name === connection.name) continue;
    await tx.serviceConnection.update({
      where: { id: connection.id },
      data: { name, searchTerms: { deleteMany: {}, create: termsOfName(name).map((term) => ({ term })) } },
    });
    renamed += 1;
  }
  return renamed;
}
