'use client';
// Client component: the pending credential of a Rotate credential, with Verify new credential, Switch to new
// credential (offered once verified; the server checks it again) and Cancel, each answered in place.
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { StatusBadge } from '@/components/ui/status-badge';
import { SubmitButton } from '@/components/ui/submit-button';
import { IDLE } from '@/lib/actions/action-state';
import {
  cancelPendingCredentialAction,
  switchToPendingCredentialAction,
  verifyPendingCredentialAction,
} from '../rotation-actions';

export interface PendingCredentialView {
  kind: 'secret' | 'certificate';
  /** A secret's last four characters, a certificate's SHA-256 thumbprint. */
  hint: string | null;
  expiresOn: string | null;
  addedOn: string;
  verifiedOn: string | null;
  verifyError: string | null;
  stale: boolean;
}

export function TenantRotationPanel({ tenantId, pending }: { tenantId: string; pending: PendingCredentialView }) {
  const [verified, verify] = useActionState(verifyPendingCredentialAction, IDLE);
  const [switched, switchOver] = useActionState(switchToPendingCredentialAction, IDLE);
  const [cancelled, cancel] = useActionState(cancelPendingCredentialAction, IDLE);
  const certificate = pending.kind === 'certificate';
  const download = `/integration/service-connections/tenants/${tenantId}/certificate`;
  const status = pending.stale ? (
    <StatusBadge tone="danger">No longer usable: the tenant’s host or IDs changed</StatusBadge>
  ) : pending.verifiedOn ? (
    <StatusBadge tone="success">Verified on {pending.verifiedOn}</StatusBadge>
  ) : pending.verifyError ? (
    <StatusBadge tone="danger">Refused by Microsoft</StatusBadge>
  ) : (
    <StatusBadge tone="warning">Not verified yet</StatusBadge>
  );
  return (
    <div className="space-y-4" data-testid="pending-credential">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">New credential</dt>
        <dd>
          {certificate ? 'Certificate' : 'Client secret'}
          {!certificate && pending.hint ? `, ends ••••${pending.hint}` : ''}, added on {pending.addedOn}
        </dd>
        {certificate && pending.hint ? (
          <>
            <dt className="text-slate-600">Thumbprint (SHA-256)</dt>
            <dd className="font-mono break-all">{pending.hint}</dd>
            <dt className="text-slate-600">Public certificate</dt>
            <dd className="space-x-3">
              <a className="underline" href={`${download}?format=cer&which=pending`}>
                Download new .cer
              </a>
              <a className="underline" href={`${download}?format=pem&which=pending`}>
                Download new .pem
              </a>
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600">Expires</dt>
        <dd>{pending.expiresOn ?? '—'}</dd>
        <dt className="text-slate-600">Status</dt>
        <dd>{status}</dd>
      </dl>
      {certificate ? (
        <p className="text-xs text-slate-500">
          Upload the new public certificate under Azure → App registrations → the app → Certificates &amp; secrets →
          Certificates before verifying it; keep the old one there until you have switched.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <form action={verify}>
          <input type="hidden" name="id" value={tenantId} />
          <SubmitButton variant="secondary" disabled={pending.stale}>
            Verify new credential
          </SubmitButton>
        </form>
        <form action={switchOver}>
          <input type="hidden" name="id" value={tenantId} />
          <SubmitButton disabled={!pending.verifiedOn || pending.stale}>Switch to new credential</SubmitButton>
        </form>
        <form action={cancel}>
          <input type="hidden" name="id" value={tenantId} />
          <SubmitButton variant="secondary">Cancel rotation</SubmitButton>
        </form>
      </div>
      <FormMessage
        state={
          verified.status === 'idle' && pending.verifyError
            ? { status: 'error', message: pending.verifyError }
            : verified
        }
      />
      <FormMessage state={switched} />
      <FormMessage state={cancelled} />
    </div>
  );
}
