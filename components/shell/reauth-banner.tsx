import Link from 'next/link';

export interface ReauthBannerProps {
  count: number;
  first: { id: string; name: string; lastError: string | null }[];
}

export function ReauthBanner({ count, first }: ReauthBannerProps) {
  if (count === 0) return null;
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">
        {count === 1 ? 'A connection needs' : `${count} connections need`} re-authentication. Mail that uses{' '}
        {count === 1 ? 'it' : 'them'} stays queued until someone signs in again.
      </p>
      <ul className="mt-1 list-disc pl-5">
        {first.map((c) => (
          <li key={c.id}>
            <Link className="underline" href={`/integration/service-connections/connections/${c.id}`}>
              {c.name}
            </Link>
            {c.lastError ? <span className="text-amber-800"> — {c.lastError}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
