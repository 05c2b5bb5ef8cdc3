import type { ReactNode } from 'react';

/** Sign-in, first-run setup and invitations: a quiet page with one card. */
export default function EntryLayout({ children }: { children: ReactNode }) {
  return (
    <main id="content" className="entry">
      <div className="entry-card">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Kindred
        </p>
        {children}
      </div>
    </main>
  );
}
