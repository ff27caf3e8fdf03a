import Link from 'next/link';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

/** The console frame: a sidebar on wide screens, a disclosure menu on phones (works without JavaScript). */
export function ConsoleShell({
  adminEmail,
  children,
  banner,
}: {
  adminEmail: string;
  children: React.ReactNode;
  banner?: React.ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-brand-700">
          Switchboard
        </Link>
        <div className="flex items-center gap-3">
          <Link href="/account" className="hidden text-sm text-slate-600 hover:underline sm:inline">
            {adminEmail}
          </Link>
          <SignOutButton />
        </div>
      </header>
      {banner}
      <div className="lg:flex">
        <details className="border-b border-slate-200 bg-white lg:hidden">
          <summary className="cursor-pointer px-4 py-3 text-sm font-medium">Menu</summary>
          <nav aria-label="Main" className="px-2 pb-4">
            <NavLinks />
          </nav>
        </details>
        <nav
          aria-label="Main"
          className="hidden w-64 shrink-0 border-r border-slate-200 bg-white px-2 py-6 lg:block lg:min-h-[calc(100vh-57px)]"
        >
          <NavLinks />
        </nav>
        <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
