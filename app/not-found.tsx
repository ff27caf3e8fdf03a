import Link from 'next/link';

// Any address that matches no page. Next's built-in 404 styles itself inline, which the Content-Security-Policy
// refuses (lib/http/content-security-policy.ts); this one uses the console's stylesheet only.

export const metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">There is no page at this address in Switchboard.</p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-brand-700 underline">
          Go to the start page
        </Link>
      </p>
    </main>
  );
}
