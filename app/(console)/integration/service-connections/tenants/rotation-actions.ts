'use server';
import { revalidatePath } from 'next/cache';
import { adminAction } from '@/lib/actions/define-action';
import type { ActionState } from '@/lib/actions/action-state';
import { addPendingCertificate } from '@/lib/tenants/add-pending-certificate';
import { cancelPendingCredential } from '@/lib/tenants/cancel-pending-credential';
import { uploadCertificateSchema } from '@/lib/tenants/certificate-schemas';
import { dismissRotationReminder } from '@/lib/tenants/dismiss-rotation-reminder';
import { pendingGeneratedCertificateSchema, pendingSecretSchema } from '@/lib/tenants/rotation-schemas';
import { tenantIdSchema } from '@/lib/tenants/schemas';
import type { PendingCredentialFacts, SetPendingCredentialResult } from '@/lib/tenants/set-pending-credential';
import { setPendingCredential } from '@/lib/tenants/set-pending-credential';
import { switchToPendingCredential } from '@/lib/tenants/switch-to-pending-credential';
import { verifyPendingCredential } from '@/lib/tenants/verify-pending-credential';

// Rotate credential on a tenant's page: add a new secret or certificate beside the current one, verify it, switch,
// then the reminder to delete the old one in Azure. Audited by hint, thumbprint and expiry; never a value or a key.

const LIST = '/integration/service-connections/tenants';

function what(kind: 'secret' | 'certificate', hint: string | null): string {
  if (kind === 'certificate') return `certificate (thumbprint ${hint ?? 'unknown'})`;
  return hint ? `client secret (ends ••••${hint})` : 'client secret';
}

function added(
  id: string,
  result: SetPendingCredentialResult,
  audit: { summary?: string; details?: Record<string, unknown> },
): ActionState {
  if (!result.ok) {
    audit.summary = `New credential refused: ${result.message}`;
    return { status: 'error', message: result.message };
  }
  const facts: PendingCredentialFacts = result;
  audit.summary = `New ${what(facts.kind, facts.hint)} added to tenant ${facts.tenantName} for rotation`;
  audit.details = { kind: facts.kind, hint: facts.hint, expiresOn: facts.expiresOn };
  revalidatePath(`${LIST}/${id}`);
  return {
    status: 'success',
    message: `New ${facts.kind === 'secret' ? 'client secret' : 'certificate'} stored; the current one is still used. Next: Verify new credential.`,
  };
}

// POST (form) - tenant page → Rotate credential → Add new client secret
export const addPendingSecretAction = adminAction(
  pendingSecretSchema,
  { action: 'tenant.credential.rotate.add', target: 'tenant' },
  async ({ id, clientSecret, expiresOn }, ctx) => {
    ctx.audit.target = id;
    const result = await setPendingCredential(id, { kind: 'secret', clientSecret, expiresAt: expiresOn });
    return added(id, result, ctx.audit);
  },
);

// POST (form) - tenant page → Rotate credential → Generate new certificate
export const addPendingGeneratedCertificateAction = adminAction(
  pendingGeneratedCertificateSchema,
  { action: 'tenant.credential.rotate.add', target: 'tenant' },
  async ({ id, validityDays }, ctx) => {
    ctx.audit.target = id;
    return added(id, await addPendingCertificate(id, { kind: 'generate', validityDays }), ctx.audit);
  },
);

// POST (form) - tenant page → Rotate credential → Upload new certificate (PEM with its key, or PFX with its password)
export const addPendingUploadedCertificateAction = adminAction(
  uploadCertificateSchema,
  { action: 'tenant.credential.rotate.add', target: 'tenant' },
  async ({ id, ...input }, ctx) => {
    ctx.audit.target = id;
    return added(id, await addPendingCertificate(id, { kind: 'upload', input }), ctx.audit);
  },
);

// POST (form) - tenant page → Rotate credential → Verify new credential (a client-credentials request with it)
export const verifyPendingCredentialAction = adminAction(
  tenantIdSchema,
  { action: 'tenant.credential.rotate.verify', target: 'tenant' },
  async ({ id }, ctx) => {
    ctx.audit.target = id;
    const result = await verifyPendingCredential(id);
    revalidatePath(`${LIST}/${id}`);
    if (result.kind === 'not-possible') {
      ctx.audit.summary = `New credential not verified: ${result.message}`;
      return { status: 'error', message: result.message };
    }
    if (result.kind === 'verified') {
      ctx.audit.summary = `New credential of tenant ${result.tenantName} verified`;
      return { status: 'success', message: `${result.summary} You can now switch to the new credential.` };
    }
    const { error } = result;
    ctx.audit.summary = `New credential of tenant ${result.tenantName} refused: ${error.code ?? error.error}`;
    const parts = [
      error.description || error.error,
      error.explanation ? `What it means: ${error.explanation.meaning}` : '',
      error.explanation ? `How to fix it: ${error.explanation.fix}` : '',
    ];
    return { status: 'error', message: parts.filter(Boolean).join(' — ') };
  },
);

// POST (form) - tenant page → Rotate credential → Switch to new credential (only once verified)
export const switchToPendingCredentialAction = adminAction(
  tenantIdSchema,
  { action: 'tenant.credential.rotate.switch', target: 'tenant' },
  async ({ id }, ctx) => {
    ctx.audit.target = id;
    const result = await switchToPendingCredential(id);
    revalidatePath(`${LIST}/${id}`);
    if (!result.ok) {
      ctx.audit.summary = `Switch refused: ${result.message}`;
      return { status: 'error', message: result.message };
    }
    const { retired } = result;
    const old =
      retired.kind === 'secret'
        ? `client secret${retired.hint ? ` (Value starting “${retired.hint}”)` : ''}`
        : `certificate${retired.hint ? ` (SHA-1 thumbprint ${retired.hint})` : ''}`;
    ctx.audit.summary = `Tenant ${result.tenantName} switched to its new ${result.now === 'secret' ? 'client secret' : 'certificate'}; old ${old} to delete in Azure`;
    ctx.audit.details = { now: result.now, retired };
    return { status: 'success', message: 'Switched: every token is now requested with the new credential.' };
  },
);

// POST (form) - tenant page → Rotate credential → Cancel (discard the new credential)
export const cancelPendingCredentialAction = adminAction(
  tenantIdSchema,
  { action: 'tenant.credential.rotate.cancel', target: 'tenant' },
  async ({ id }, ctx) => {
    ctx.audit.target = id;
    const result = await cancelPendingCredential(id);
    revalidatePath(`${LIST}/${id}`);
    if (!result.ok) return { status: 'error', message: result.message };
    ctx.audit.summary = `New credential of tenant ${result.tenantName} discarded`;
    return { status: 'success', message: 'The new credential was discarded; the current one stays in use.' };
  },
);

// POST (form) - tenant page → reminder → Dismiss (the old credential was deleted in Azure)
export const dismissRotationReminderAction = adminAction(
  tenantIdSchema,
  { action: 'tenant.credential.rotate.dismiss', target: 'tenant' },
  async ({ id }, ctx) => {
    ctx.audit.target = id;
    const result = await dismissRotationReminder(id);
    revalidatePath(`${LIST}/${id}`);
    if (!result.ok) return { status: 'error', message: result.message };
    ctx.audit.summary = `Reminder to delete the old credential of tenant ${result.tenantName} dismissed`;
    return { status: 'success', message: 'Reminder dismissed.' };
  },
);
