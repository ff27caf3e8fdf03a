import { formatDate } from '@/components/ui/format-date';
import { getTenantRotation } from '@/lib/tenants/get-tenant-rotation';
import { TenantRotationAddForms } from './tenant-rotation-add-forms';
import { TenantRotationPanel } from './tenant-rotation-panel';
import { TenantRotationReminder } from './tenant-rotation-reminder';

// Rotate credential on a tenant's page (server component): the new secret or certificate is added beside the current
// one, verified, switched to, and then the old one is to be deleted in Azure. Only hints, thumbprints and dates are
// handed to the browser.

const day = (date: Date | null) => (date ? formatDate(date) : null);

export async function TenantRotationSection({ tenantId }: { tenantId: string }) {
  const rotation = await getTenantRotation(tenantId);
  if (!rotation) return null;
  const { current, pending, retired } = rotation;
  return (
    <section aria-labelledby="tenant-rotation" className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="tenant-rotation" className="mb-2 text-lg font-semibold">
        Rotate credential
      </h2>
      {retired ? (
        <TenantRotationReminder
          tenantId={tenantId}
          clientId={rotation.clientId}
          retired={{ kind: retired.kind, hint: retired.hint, expiresOn: day(retired.expiresAt) }}
        />
      ) : null}
      <p className="mb-4 text-sm text-slate-600">
        Add the new {current.kind === 'certificate' ? 'certificate' : 'client secret'} (or switch kind) while the
        current one still works: it is stored encrypted and used for nothing until Microsoft accepted it and you switch.
        Microsoft caps a new client secret at two years and advises shorter; a certificate is the recommended kind.
      </p>
      {pending ? (
        <TenantRotationPanel
          tenantId={tenantId}
          pending={{
            kind: pending.kind,
            hint: pending.hint,
            expiresOn: day(pending.expiresAt),
            addedOn: formatDate(pending.addedAt),
            verifiedOn: day(pending.verifiedAt),
            verifyError: pending.verifyError,
            stale: pending.stale,
          }}
        />
      ) : (
        <TenantRotationAddForms tenantId={tenantId} />
      )}
    </section>
  );
}
