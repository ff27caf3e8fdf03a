'use client';
// Client component: the button asks the server for a single-use state, then leaves for Microsoft's admin consent page.
import { useState } from 'react';
import { startAdminConsentAction } from '../admin-consent-actions';

export function GrantAdminConsent({ tenantId, grantedOn }: { tenantId: string; grantedOn: string | null }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function start() {
    setBusy(true);
    setMessage(null);
    const started = await startAdminConsentAction(tenantId);
    if (started.ok) {
      window.location.assign(started.url);
      return;
    }
    setMessage(started.message);
    setBusy(false);
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        An administrator of the directory (Global Administrator or Privileged Role Administrator) grants the app
        registration’s permissions for everyone at once: mailbox users are not asked to consent, and application
        permissions take effect. Microsoft answers on this console’s Redirect URI.
        {grantedOn ? ` Last granted on ${grantedOn}.` : ''}
      </p>
      <button
        type="button"
        disabled={busy}
        onClick={() => void start()}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100 disabled:opacity-60"
      >
        Grant admin consent
      </button>
      {message ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
    </div>
  );
}
