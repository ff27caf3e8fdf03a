// "Service - Tenant": the name a connection has until an administrator edits it. Universal: the Add Service
// Connection form recomputes it as the Service and Tenant change, and the server recomputes it when saving and
// when a tenant or service is renamed.
export function generatedConnectionName(serviceName: string | undefined, tenantName: string | undefined): string {
  if (!serviceName || !tenantName) return '';
  return `${serviceName} - ${tenantName}`;
}
