'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'People' },
  { href: '/review', label: 'Who is this?' },
  { href: '/timeline', label: 'Timeline' },
  { href: '/albums', label: 'Albums' },
  { href: '/together', label: 'Together' },
  { href: '/duplicates', label: 'Duplicates' },
  { href: '/report', label: 'Last index' },
];

function isCurrent(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/' || pathname.startsWith('/people');
  return pathname.startsWith(href);
}

/** The main navigation; marks the current section for screen readers too. */
export function MainNav() {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Main">
      {LINKS.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={isCurrent(pathname, link.href) ? 'page' : undefined}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
