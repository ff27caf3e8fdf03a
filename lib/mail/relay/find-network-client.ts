import 'server-only';
import { db } from '@/lib/db/prisma';
import { addressInNetworks } from './address-in-networks';
import { readStringList } from './relay-client-rules';

/** The enabled no-authentication client whose listed networks hold this address, if any (first by name). */
export async function findNetworkClient(address: string): Promise<{ id: string } | null> {
  const clients = await db().relayClient.findMany({
    where: { authMode: 'network', enabled: true },
    select: { id: true, networks: true },
    orderBy: { name: 'asc' },
  });
  return clients.find((c) => addressInNetworks(address, readStringList(c.networks))) ?? null;
}
