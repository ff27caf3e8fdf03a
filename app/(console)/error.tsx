'use client';

import { PageHeader } from '@/components/ui/page-header';

// An unexpected failure while rendering a console page. The digest is what the server logged with the error, so an
// operator can find it; nothing of the error itself reaches the browser. Styled by the console's stylesheet only
// (Next's built-in error page styles itself inline, which the Content-Security-Policy refuses).

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <PageHeader
        title="Something went wrong"
        description={`This page could not be shown${error.digest ? ` (id ${error.digest})` : ''}. Nothing was changed.`}
      />
      <button
        type="button"
        onClick={reset}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
      >
        Try again
      </button>
    </>
  );
}
