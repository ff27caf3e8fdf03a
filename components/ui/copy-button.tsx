'use client';
// Client component: it writes to the clipboard and says so.
import { useState } from 'react';

/** Copies `value`; falls back to selecting `inputId`'s text where the Clipboard API is unavailable (plain http). */
export function CopyButton({ value, inputId, label = 'Copy' }: { value: string; inputId?: string; label?: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'select'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('copied');
    } catch {
      const input = inputId ? document.getElementById(inputId) : null;
      if (input instanceof HTMLInputElement) input.select();
      setCopied('select');
    }
    window.setTimeout(() => setCopied('idle'), 3000);
  }
  return (
    <>
      <button
        type="button"
        onClick={() => void copy()}
        className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-800 hover:bg-slate-100"
      >
        {label}
      </button>
      <span role="status" className="sr-only">
        {copied === 'copied' ? 'Copied' : ''}
      </span>
      {copied === 'copied' ? (
        <span className="self-center text-sm text-green-700" aria-hidden>
          Copied
        </span>
      ) : null}
      {copied === 'select' ? <span className="self-center text-sm text-slate-600">Selected: press Ctrl+C</span> : null}
    </>
  );
}
