import { CopyButton } from '@/components/ui/copy-button';

/** A relay client's generated password, shown once beside a copy button. */
export function GeneratedPassword({ username, password }: { username: string; password: string }) {
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4">
      <label htmlFor="new-relay-password" className="block text-sm font-medium text-amber-900">
        Password for {username}
      </label>
      <div className="flex gap-2">
        <input
          id="new-relay-password"
          readOnly
          value={password}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <CopyButton value={password} inputId="new-relay-password" />
      </div>
      <p className="text-xs text-amber-900">Enter it in the device now. Switchboard keeps only its hash.</p>
    </div>
  );
}
