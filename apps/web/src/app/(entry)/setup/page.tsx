import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AccountForm } from '@/app/_components/account-form';
import { needsSetup } from '@/lib/auth';
import { isLocalPeer } from '@/lib/request-checks';

export const metadata: Metadata = { title: 'Welcome' };

/** First run only: the owner account, made from the computer Kindred runs on. */
export default async function SetupPage() {
  if (!needsSetup()) redirect('/login');
  if (!isLocalPeer(await headers())) {
    return (
      <>
        <h1>Kindred needs its owner first</h1>
        <p>
          For safety the owner account can only be made on the computer Kindred runs on: open this page there
          (http://127.0.0.1:3000), or run <code>kindred user add --owner --email … --name …</code>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Welcome to Kindred</h1>
      <p className="muted">
        First, your account. You will be the owner: you can invite the family and decide who may edit names.
      </p>
      <AccountForm endpoint="/api/setup" creating submitLabel="Create my account" />
    </>
  );
}
