import type { TenantCloud } from '@/lib/entra/clouds';
import { credentialDestinations } from './credential-destinations';

/**
 * What a credential is entered for: the cloud, the sign-in origin it is sent to, the directory and the app. A Rotate
 * credential's new secret or certificate is only verified and switched to while the tenant still names the same
 * four, so a change of host in between never sends it elsewhere, and a verification of one app never lets another
 * switch.
 */
export function credentialTarget(tenant: TenantCloud & { directoryId: string; clientId: string }): string {
  const { cloud, authority } = credentialDestinations(tenant);
  return [cloud, authority, tenant.directoryId.toLowerCase(), tenant.clientId.toLowerCase()].join(' ');
}
