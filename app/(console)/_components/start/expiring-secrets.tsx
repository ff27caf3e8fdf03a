import Link from 'next/link';
import { StatusBadge } from '@/components/ui/status-badge';

import { getExpiringSecrets } from '@/lib/tenants/get-expiring-secrets';
import { expiryTone } from '@/lib/tenants/secret-expiry';
import { StartSection } from './start-section';

const TENANTS = '/integration/service-connections/tenants';

export async function ExpiringSecrets() {
  const tenants = await getExpiringSecrets();
  return (
    <StartSection title="Client secrets and certificates" href={TENANTS} linkLabel="All tenants">
      {tenants.length === 0 ? (
        <p className="text-sm text-slate-600">No client secret or certificate in use expires in the next 60 days.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {tenants.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-2">
              <Link href={`${TENANTS}/${t.id}`} className="font-medium text-brand-700 underline">
                {t.name}
              </Link>
              <StatusBadge tone={expiryTone(t.expiry)}>{t.expiry.message}</StatusBadge>
            </li>
          ))}
        </ul>
      )}
    </StartSection>
  );
}
