// The columns each sort of the Connections list orders by, shared by its Prisma queries and its raw SQL so both
// order rows alike. Every order is served by an index ending in the (unique) name, which also keeps pages stable:
// name, (serviceName, name), (tenantName, name), (state, name), updatedAt. Universal: names only.
import type { ConnectionSort } from './list-params';

export type ConnectionOrderColumn = 'name' | 'serviceName' | 'tenantName' | 'state' | 'updatedAt';

const COLUMNS: Record<ConnectionSort, ConnectionOrderColumn[]> = {
  name: ['name'],
  service: ['serviceName', 'name'],
  tenant: ['tenantName', 'name'],
  state: ['state', 'name'],
  updated: ['updatedAt', 'name'],
};

export function connectionOrderColumns(sort: ConnectionSort): ConnectionOrderColumn[] {
  return COLUMNS[sort];
}
