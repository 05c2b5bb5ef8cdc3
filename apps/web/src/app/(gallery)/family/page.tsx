import type { Metadata } from 'next';
import { requireMember } from '@/lib/auth';
import { query } from '@/lib/graphql';
import { InviteMember, MemberRow, TokenRow } from './_components/family-actions';

export const metadata: Metadata = { title: 'Family & access' };

interface FamilyData {
  me: { email: string | null };
  members: { email: string; name: string; role: string; sessions: number }[];
  apiTokens: { name: string; role: string; lastUsedAt: string | null; revokedAt: string | null }[];
}

/** The owner's page: who has an account, invitations, and script tokens. */
export default async function FamilyPage() {
  const member = await requireMember();
  if (member.role !== 'owner') {
    return (
      <section className="page">
        <h1>Family &amp; access</h1>
        <p>Only the owner manages accounts. Ask them if someone needs to be invited.</p>
      </section>
    );
  }
  const data = await query<FamilyData>(
    `{ me { email } members { email name role sessions } apiTokens { name role lastUsedAt revokedAt } }`,
  );
  return (
    <section className="page">
      <h1>Family &amp; access</h1>
      <h2>Invite someone</h2>
      <p className="muted">A link for one person, valid for 7 days. Send it privately.</p>
      <InviteMember />
      <h2>Accounts</h2>
      <ul className="member-list">
        {data.members.map((m) => (
          <MemberRow key={m.email} member={m} isMe={m.email === data.me.email} />
        ))}
      </ul>
      <h2>Script tokens</h2>
      <p className="muted">
        Create them with <code>kindred token create --name … --role viewer</code>; the token is shown once
        there.
      </p>
      {data.apiTokens.length ? (
        <ul className="member-list">
          {data.apiTokens.map((t) => (
            <TokenRow key={t.name} token={t} />
          ))}
        </ul>
      ) : (
        <p>No tokens.</p>
      )}
    </section>
  );
}
