import { BUILT_IN_SERVICES } from './built-in-services';

export const SERVICE_NAME_TAKEN = 'A service with this name already exists';

/** Names of built-ins stay reserved, also for built-ins an administrator has not seen yet. Universal. */
export function serviceNameProblem(name: string): string | null {
  const reserved = BUILT_IN_SERVICES.some((service) => service.name.toLowerCase() === name.toLowerCase());
  return reserved ? 'This name belongs to a built-in service' : null;
}
