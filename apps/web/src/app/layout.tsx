import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { MainNav } from './_components/main-nav';
import './globals.css';

export const metadata: Metadata = { title: { default: 'Kindred', template: '%s · Kindred' } };
export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f7f5f2' },
    { media: '(prefers-color-scheme: dark)', color: '#141312' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#content">
          Skip to content
        </a>
        <header className="topbar">
          <div className="topbar-inner">
            <a className="brand" href="/">
              <span className="brand-mark" aria-hidden="true" />
              Kindred
            </a>
            <MainNav />
          </div>
        </header>
        <main id="content">{children}</main>
      </body>
    </html>
  );
}
