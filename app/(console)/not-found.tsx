import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';

// A console page called notFound(): the record in the address does not exist (or no longer does). Shown inside the
// console's shell, styled by its stylesheet only (Next's built-in 404 styles itself inline, which the policy refuses).

export default function ConsoleNotFound() {
  return (
    <>
      <PageHeader
        title="Not found"
        description="Nothing here has this address. It may have been deleted, or the link was copied incompletely."
      />
      <Link href="/" className="font-medium text-brand-700 underline">
        Go to the start page
      </Link>
    </>
  );
}
