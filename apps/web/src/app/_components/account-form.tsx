'use client';
import { type FormEvent, useState } from 'react';

interface AccountFormProps {
  /** Where the form posts its JSON. */
  endpoint: string;
  /** Ask for a name and a new password typed twice (account creation), or only e-mail and password (sign-in). */
  creating: boolean;
  submitLabel: string;
  /** Sent along unchanged (an invitation's secret). */
  extra?: Record<string, string>;
  /** Where to go afterwards (a path of this site). */
  next?: string;
}

function safeNext(next: string | undefined): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** The sign-in, first-owner and invitation forms: one form, posting JSON, showing the server's message. */
export function AccountForm({ endpoint, creating, submitLabel, extra = {}, next }: AccountFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    if (creating && fields.password !== fields.again) return setError('The two passwords differ.');
    setBusy(true);
    setError(null);
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...extra, name: fields.name, email: fields.email, password: fields.password }),
    }).catch(() => null);
    if (response?.ok) return window.location.assign(safeNext(next));
    const body = (await response?.json().catch(() => null)) as { message?: string; error?: string } | null;
    setError(body?.message ?? body?.error ?? 'The server could not be reached. Try again.');
    setBusy(false);
  }

  return (
    <form className="account-form" onSubmit={submit}>
      {creating ? (
        <label>
          Your name
          <input name="name" autoComplete="name" required maxLength={80} />
        </label>
      ) : null}
      <label>
        E-mail
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete={creating ? 'new-password' : 'current-password'}
          minLength={creating ? 10 : undefined}
          required
        />
      </label>
      {creating ? (
        <label>
          Password again
          <input name="again" type="password" autoComplete="new-password" minLength={10} required />
        </label>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'One moment…' : submitLabel}
      </button>
    </form>
  );
}
