import 'server-only';
import { getServices } from './get-services';

/** Services for a Service select, in the Services list's order. */
export async function getServiceOptions() {
  const services = await getServices();
  return services.map((service) => ({ id: service.id, name: service.name, authType: service.authType }));
}
