'use client';
import Link from 'next/link';
import { useState } from 'react';

async function post(path: string): Promise<void> {
  await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
}

/** Who is signed in, the family page for the owner, and signing out (here, or on every device). */
export function AccountMenu({ name, role }: { name: string; role: string }) {
  const [busy, setBusy] = useState(false);
  async function signOut(everywhere: boolean) {
    setBusy(true);
    if (everywhere) await post('/api/auth/revoke-sessions');
    await post('/api/auth/sign-out');
    window.location.assign('/login');
  }
  return (
    <details className="account">
      <summary aria-label={`Account: ${name}`}>
        <span className="account-initial" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </span>
      </summary>
      <div className="account-panel">
        <p>
          <strong>{name}</strong>
          <br />
          <span className="muted">{role}</span>
        </p>
        {role === 'owner' ? <Link href="/family">Family &amp; access</Link> : null}
        <button type="button" disabled={busy} onClick={() => signOut(false)}>
          Sign out
        </button>
        <button type="button" className="quiet" disabled={busy} onClick={() => signOut(true)}>
          Sign out on every device
        </button>
      </div>
    </details>
  );
}
