import 'server-only';
import { getServices } from './get-services';

/** Services for a Service select, in the Services list's order. */
export async function getServiceOptions() {
  const services = await getServices();
  return services.map((service) => ({
    id: service.id,
    name: service.name,
    authType: service.authType,
    // A connection may turn these on (e.g. Mail.Send.Shared); they are asked for at its next Setup Authentication.
    optionalCapabilities: service.capabilities
      .filter((c) => c.optional)
      .map((c) => ({ key: c.key, name: c.name, scopes: c.scopes })),
  }));
}
