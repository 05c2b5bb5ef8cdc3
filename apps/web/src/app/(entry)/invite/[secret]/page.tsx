import { inviteRole } from '@kindred/auth';
import type { Metadata } from 'next';
import { AccountForm } from '@/app/_components/account-form';
import { database } from '@/lib/db';

export const metadata: Metadata = { title: 'Invitation' };

const WHAT_ROLE_MEANS = {
  owner: 'see everything, fix names and manage the family’s accounts',
  editor: 'see every photo and fix names, faces and albums',
  viewer: 'see every photo and person',
} as const;

export default async function InvitePage({ params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  const role = inviteRole(database(), secret);
  if (!role) {
    return (
      <>
        <h1>This invitation does not work</h1>
        <p>It is unknown, was used already, or has expired. Ask whoever sent it for a new link.</p>
      </>
    );
  }
  return (
    <>
      <h1>You are invited</h1>
      <p className="muted">Make your account to {WHAT_ROLE_MEANS[role]}.</p>
      <AccountForm endpoint="/api/invite" creating extra={{ secret }} submitLabel="Create my account" />
    </>
  );
}
