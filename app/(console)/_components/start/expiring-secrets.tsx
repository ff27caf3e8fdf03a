import Link from 'next/link';
import { StatusBadge } from '@/components/ui/status-badge';
import { getExpiringSecrets } from '@/lib/tenants/get-expiring-secrets';
import { StartSection } from './start-section';

const TENANTS = '/integration/service-connections/tenants';

export async function ExpiringSecrets() {
  const tenants = await getExpiringSecrets();
  return (
    <StartSection title="Client secrets" href={TENANTS} linkLabel="All tenants">
      {tenants.length === 0 ? (
        <p className="text-sm text-slate-600">No client secret expires in the next 30 days.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {tenants.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-2">
              <Link href={`${TENANTS}/${t.id}`} className="font-medium text-brand-700 underline">
                {t.name}
              </Link>
              <StatusBadge tone={t.expiry.level === 'soon' ? 'warning' : 'danger'}>{t.expiry.message}</StatusBadge>
            </li>
          ))}
        </ul>
      )}
    </StartSection>
  );
}
