'use client';
import { useState } from 'react';
import { ErrorStatus } from '@/app/_components/error-status';
import { CREATE_INVITE, REMOVE_MEMBER, REVOKE_API_TOKEN, SET_MEMBER_ROLE } from '@/lib/mutations';
import { useMutation } from '@/lib/use-mutation';

const ROLES = ['viewer', 'editor', 'owner'] as const;

/** Makes an invitation link for a chosen role and shows it, ready to copy. */
export function InviteMember() {
  const { run, busy, error } = useMutation();
  const [role, setRole] = useState<string>('viewer');
  const [link, setLink] = useState<string | null>(null);
  async function invite() {
    const payload = await run(CREATE_INVITE, { role });
    if (payload && typeof payload.path === 'string') setLink(window.location.origin + payload.path);
  }
  return (
    <div className="toolbar">
      <label>
        Role{' '}
        <select aria-label="Role for the invitation" value={role} onChange={(e) => setRole(e.target.value)}>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <button type="button" className="btn primary" disabled={busy} onClick={invite}>
        Make invitation link
      </button>
      {link ? (
        <input
          className="invite-link"
          readOnly
          value={link}
          aria-label="Invitation link"
          onFocus={(e) => e.target.select()}
        />
      ) : null}
      <ErrorStatus message={error} />
    </div>
  );
}

interface Member {
  email: string;
  name: string;
  role: string;
  sessions: number;
}

export function MemberRow({ member, isMe }: { member: Member; isMe: boolean }) {
  const { run, busy, error } = useMutation();
  return (
    <li>
      <span>
        <strong>{member.name}</strong> <span className="muted">{member.email}</span>
        {isMe ? <span className="muted"> (you)</span> : null}
      </span>
      <select
        aria-label={`Role of ${member.name}`}
        value={member.role}
        disabled={busy}
        onChange={(e) => run(SET_MEMBER_ROLE, { email: member.email, role: e.target.value })}
      >
        {ROLES.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      {isMe ? null : (
        <button
          type="button"
          className="btn quiet"
          disabled={busy}
          onClick={() =>
            window.confirm(`Remove ${member.name}'s account?`) && run(REMOVE_MEMBER, { email: member.email })
          }
        >
          Remove
        </button>
      )}
      <ErrorStatus message={error} />
    </li>
  );
}

interface Token {
  name: string;
  role: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function TokenRow({ token }: { token: Token }) {
  const { run, busy, error } = useMutation();
  return (
    <li>
      <span>
        <strong>{token.name}</strong> <span className="muted">{token.role}</span>{' '}
        <span className="muted">
          {token.revokedAt
            ? `revoked ${token.revokedAt.slice(0, 10)}`
            : `last used ${token.lastUsedAt?.slice(0, 10) ?? 'never'}`}
        </span>
      </span>
      {token.revokedAt ? null : (
        <button
          type="button"
          className="btn quiet"
          disabled={busy}
          onClick={() => run(REVOKE_API_TOKEN, { name: token.name })}
        >
          Revoke
        </button>
      )}
      <ErrorStatus message={error} />
    </li>
  );
}
