import { StatusBadge } from '@/components/ui/status-badge';
import { expiryTone, type TenantCredentialDates, tenantCredentialExpiry } from '@/lib/tenants/secret-expiry';

/** "Client secret expires in 12 days" / "Certificate expires in 45 days": 60 days ahead, stronger at 30 and 7, and once expired. */
export function SecretExpiryBadge({ tenant }: { tenant: TenantCredentialDates }) {
  const expiry = tenantCredentialExpiry(tenant);
  if (!expiry.message) return null;
  return <StatusBadge tone={expiryTone(expiry)}>{expiry.message}</StatusBadge>;
}
