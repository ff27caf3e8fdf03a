'use client';
// Client component: selects its text on focus and hosts the copy button.
import { useId } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import type { RedirectUri } from '@/lib/connections/redirect-uri';

/** The Redirect URI to register in Azure, read-only, with a copy button and what Entra ID will make of it. */
export function RedirectUriField({ redirectUri }: { redirectUri: RedirectUri }) {
  const id = useId();
  const noteTone = redirectUri.note === 'insecure' ? 'text-red-700' : 'text-slate-500';
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Redirect URI
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={redirectUri.uri}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.currentTarget.select()}
          className="block min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <CopyButton value={redirectUri.uri} inputId={id} label="Copy" />
      </div>
      <p id={`${id}-hint`} className={`mt-1 text-xs ${noteTone}`}>
        Register it in Azure: App registrations → your app → Authentication → Add a platform → Web → Redirect URIs.{' '}
        {redirectUri.note === 'loopback-http'
          ? 'Microsoft Entra ID accepts http:// only for localhost, as here; when people reach Switchboard by another name, set SWITCHBOARD_PUBLIC_URL to its https:// address.'
          : redirectUri.note === 'insecure'
            ? 'Microsoft Entra ID refuses http:// redirect URIs except for localhost: set SWITCHBOARD_PUBLIC_URL to the https:// address people use.'
            : 'Client credentials services do not use it.'}
      </p>
    </div>
  );
}
