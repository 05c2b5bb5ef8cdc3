'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { UNDO_MERGE } from '@/lib/mutations';
import { useMutation } from '@/lib/use-mutation';

/** After a merge: says what happened and offers Undo (the API's undo token travels in the URL). */
export function MergeUndoBanner({
  token,
  mergedName,
  intoName,
}: {
  token: string;
  mergedName: string;
  intoName: string;
}) {
  const { run, busy, error } = useMutation();
  const router = useRouter();
  const [gone, setGone] = useState(false);
  if (gone) return null;
  async function undo() {
    const result = await run(UNDO_MERGE, { token });
    if (result) router.replace('/');
  }
  return (
    <div className="notice banner" role="status">
      <span>
        Merged <strong>{mergedName}</strong> into <strong>{intoName}</strong>.
      </span>
      <button type="button" className="btn small" onClick={undo} disabled={busy}>
        Undo
      </button>
      <button type="button" className="btn small" onClick={() => setGone(true)} aria-label="Dismiss">
        ✕
      </button>
      {error && <span className="error">{error}</span>}
    </div>
  );
}
