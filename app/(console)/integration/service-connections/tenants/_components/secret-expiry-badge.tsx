import { StatusBadge } from '@/components/ui/status-badge';
import { secretExpiry } from '@/lib/tenants/secret-expiry';

/** "Client secret expires in 12 days" (30 days ahead), stronger 7 days ahead and once expired. */
export function SecretExpiryBadge({ expiresAt }: { expiresAt: Date | null }) {
  const expiry = secretExpiry(expiresAt);
  if (!expiry.message) return null;
  const tone = expiry.level === 'soon' ? 'warning' : 'danger';
  return <StatusBadge tone={tone}>{expiry.message}</StatusBadge>;
}
