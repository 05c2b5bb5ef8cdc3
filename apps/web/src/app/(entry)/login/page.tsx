import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AccountForm } from '@/app/_components/account-form';
import { needsSetup, requestActor } from '@/lib/auth';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (needsSetup()) redirect('/setup');
  if (await requestActor(await headers()))
    redirect(next?.startsWith('/') && !next.startsWith('//') ? next : '/');
  return (
    <>
      <h1>Sign in</h1>
      <p className="muted">
        Your family's photos are private. Sign in with the account the owner made for you.
      </p>
      <AccountForm endpoint="/api/auth/sign-in/email" creating={false} submitLabel="Sign in" next={next} />
      <p className="muted small">
        Forgot your password? Ask the owner to run <code>kindred user password your@address</code>.
      </p>
    </>
  );
}
