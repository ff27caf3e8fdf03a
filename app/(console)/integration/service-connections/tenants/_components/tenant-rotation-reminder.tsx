'use client';
// Client component: the reminder after a switch, with its Dismiss form (answered in place).
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { IDLE } from '@/lib/actions/action-state';
import { dismissRotationReminderAction } from '../rotation-actions';

export interface RetiredCredentialView {
  kind: 'secret' | 'certificate';
  /** A secret's first three characters, a certificate's SHA-1 thumbprint: what the Azure portal shows of them. */
  hint: string | null;
  expiresOn: string | null;
}

export function TenantRotationReminder({
  tenantId,
  clientId,
  retired,
}: {
  tenantId: string;
  clientId: string;
  retired: RetiredCredentialView;
}) {
  const [dismissed, dismiss] = useActionState(dismissRotationReminderAction, IDLE);
  const secret = retired.kind === 'secret';
  const named = [
    retired.hint ? (secret ? `Value starting “${retired.hint}”` : `thumbprint ${retired.hint}`) : '',
    retired.expiresOn ? `expires ${retired.expiresOn}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div role="note" data-testid="rotation-reminder" className="mb-4 rounded-md bg-amber-50 p-4 text-sm text-amber-900">
      <p>
        Delete the old {secret ? 'client secret' : 'certificate'}
        {named ? ` (${named})` : ''} under Azure → App registrations → the app with Application (client) ID{' '}
        <span className="font-mono">{clientId}</span> → Certificates &amp; secrets →{' '}
        {secret ? 'Client secrets' : 'Certificates'}. Switchboard no longer uses it, but it still works for anyone who
        has it.
      </p>
      <form action={dismiss} className="mt-2">
        <input type="hidden" name="id" value={tenantId} />
        <SubmitButton variant="secondary">Dismiss reminder</SubmitButton>
      </form>
      <FormMessage state={dismissed} />
    </div>
  );
}
