'use client';
// Client component: the per-connection switch for a service's optional capabilities (Mail.Send.Shared on the Graph
// service, IMAP on the Exchange one). On a saved connection a change is stored at once, so the next Setup
// Authentication asks for it; on a new one it is saved with the connection (the hidden field).
import { useState, useTransition } from 'react';
import { setOptionalCapabilityAction } from '../capability-actions';

export interface OptionalCapability {
  key: string;
  name: string;
  scopes: string;
}

export function OptionalCapabilities({
  capabilities,
  connectionId,
  initial,
}: {
  capabilities: OptionalCapability[];
  connectionId: string | undefined;
  initial: string[];
}) {
  const [enabled, setEnabled] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  if (capabilities.length === 0) return null;
  const keys = enabled.filter((k) => capabilities.some((c) => c.key === k));

  function toggle(key: string, on: boolean) {
    const previous = enabled;
    setEnabled(on ? [...new Set([...enabled, key])] : enabled.filter((k) => k !== key));
    if (!connectionId) return;
    startTransition(async () => {
      const result = await setOptionalCapabilityAction(connectionId, key, on);
      setMessage({ ok: result.ok, text: result.message });
      if (!result.ok) setEnabled(previous);
    });
  }

  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-medium text-slate-800">Optional capabilities</legend>
      <input type="hidden" name="optionalCapabilities" value={keys.join(' ')} />
      {capabilities.map((capability) => (
        <label key={capability.key} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 h-4 w-4 rounded border-slate-300"
            checked={keys.includes(capability.key)}
            disabled={pending}
            onChange={(event) => toggle(capability.key, event.target.checked)}
          />
          <span>
            {capability.name}
            <span className="block font-mono text-xs text-slate-500">{capability.scopes}</span>
          </span>
        </label>
      ))}
      <p className="text-xs text-slate-600">
        Off by default. Turning one on asks Microsoft for more at the next Setup Authentication: run it again after a
        change.
      </p>
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={`text-sm ${message.ok ? 'text-green-800' : 'text-red-800'}`}
        >
          {message.text}
        </p>
      ) : null}
    </fieldset>
  );
}
