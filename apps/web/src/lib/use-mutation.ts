'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { request } from '@/lib/graphql-client';

type Result = Record<string, { __typename: string; message?: string } & Record<string, unknown>>;

/**
 * Runs a mutation, turns a typed error result (a UserError, which alone has `message`) into a message,
 * and refreshes the server-rendered page. Returns the first field's payload on success.
 */
export function useMutation() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(document: string, variables: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      const data = await request<Result>(document, variables);
      const payload = Object.values(data)[0];
      if (payload && typeof payload.message === 'string') {
        setError(payload.message);
        return null;
      }
      startTransition(() => router.refresh());
      return payload ?? null;
    } catch (e) {
      setError((e as Error).message);
      return null;
    } finally {
      setBusy(false);
    }
  }
  // busy: a mutation is in flight or the page is refreshing; inFlight: only the former.
  return { run, busy: busy || pending, inFlight: busy, error, setError };
}
