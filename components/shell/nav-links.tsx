'use client';
// Client component: marks the current page, which only the browser's location knows during client navigation.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { NAV } from './nav-items';

export function NavLinks() {
  const pathname = usePathname();
  return (
    <div className="space-y-5">
      {NAV.map((group) => (
        <div key={group.label}>
          <p className="px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">{group.label}</p>
          {group.sublabel ? <p className="px-3 text-xs text-slate-500">{group.sublabel}</p> : null}
          <ul className="mt-1 space-y-0.5">
            {group.items.map((item) => {
              const current = pathname === item.href || pathname.startsWith(item.href + '/');
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={current ? 'page' : undefined}
                    className={`block rounded-md px-3 py-2 text-sm ${current ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-200'}`}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
