import Link from 'next/link';

export function Pager({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link className="underline" href={hrefFor(page - 1)}>
          Previous
        </Link>
      ) : (
        <span className="text-slate-400">Previous</span>
      )}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link className="underline" href={hrefFor(page + 1)}>
          Next
        </Link>
      ) : (
        <span className="text-slate-400">Next</span>
      )}
    </nav>
  );
}
