import type { ReactNode } from 'react';
import { AccountMenu } from '@/app/_components/account-menu';
import { MainNav } from '@/app/_components/main-nav';
import { requireMember } from '@/lib/auth';

/** Every gallery page: only for signed-in family members (the pages' queries check again). */
export default async function GalleryLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  return (
    <>
      <header className="topbar">
        <div className="topbar-inner">
          <a className="brand" href="/">
            <span className="brand-mark" aria-hidden="true" />
            Kindred
          </a>
          <MainNav />
          <AccountMenu name={member.name} role={member.role} />
        </div>
      </header>
      <main id="content">{children}</main>
    </>
  );
}
