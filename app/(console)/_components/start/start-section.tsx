// One card on the start page: a heading people (and tests) find by name, and a link to the page it summarises.
import Link from 'next/link';

export function StartSection({
  title,
  href,
  linkLabel,
  children,
}: {
  title: string;
  href?: string;
  linkLabel?: string;
  children: React.ReactNode;
}) {
  const id = `start-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {href && (
          <Link href={href} className="text-sm text-brand-700 underline">
            {linkLabel}
          </Link>
        )}
      </div>
      {children}
    </section>
  );
}
