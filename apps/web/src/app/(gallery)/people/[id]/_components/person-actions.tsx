'use client';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { ErrorStatus } from '@/app/_components/error-status';
import { findByName, NamesDatalist } from '@/app/_components/names-datalist';
import { HIDE_PERSON, MERGE_PEOPLE, RENAME_PERSON, UNHIDE_PERSON } from '@/lib/mutations';
import { useMutation } from '@/lib/use-mutation';

type Mode = 'idle' | 'rename' | 'merge';
interface Props {
  personId: number;
  name: string | null;
  hidden: boolean;
  others: { personId: number; name: string }[];
}

/** Rename, merge into someone else (with undo on the next page), hide or show again. */
export function PersonActions({ personId, name, hidden, others }: Props) {
  const [mode, setMode] = useState<Mode>('idle');
  const { run, busy, error } = useMutation();
  const router = useRouter();

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (!value) return;
    if (await run(RENAME_PERSON, { personId: String(personId), name: value })) setMode('idle');
  }

  async function merge(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('into') ?? '').trim();
    const target = findByName(others, value);
    if (!target) return;
    const result = (await run(MERGE_PEOPLE, { from: String(personId), into: String(target.personId) })) as {
      undoToken?: string;
    } | null;
    const token = result?.undoToken;
    if (token) {
      const params = new URLSearchParams({ undo: token, merged: name ?? 'this group' });
      router.push(`/people/${target.personId}?${params}`);
    }
  }

  return (
    <div className="person-actions">
      <div className="toolbar">
        <button
          type="button"
          className="btn"
          onClick={() => setMode(mode === 'rename' ? 'idle' : 'rename')}
          aria-expanded={mode === 'rename'}
        >
          {name ? 'Rename' : 'Name'}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => setMode(mode === 'merge' ? 'idle' : 'merge')}
          aria-expanded={mode === 'merge'}
        >
          Merge into…
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => run(hidden ? UNHIDE_PERSON : HIDE_PERSON, { personId: String(personId) })}
        >
          {hidden ? 'Show in People' : 'Hide'}
        </button>
      </div>
      {mode === 'rename' && (
        <form className="toolbar" onSubmit={rename}>
          <label htmlFor="rename-input">New name</label>
          <input
            id="rename-input"
            name="name"
            type="text"
            defaultValue={name ?? ''}
            // biome-ignore lint/a11y/noAutofocus: the form opens on the user's own click
            autoFocus
            required
            autoComplete="off"
          />
          <button className="btn primary" type="submit" disabled={busy}>
            Save
          </button>
        </form>
      )}
      {mode === 'merge' && (
        <form className="toolbar" onSubmit={merge}>
          <label htmlFor="merge-input">Same person as</label>
          <input
            id="merge-input"
            name="into"
            type="text"
            list="merge-names"
            // biome-ignore lint/a11y/noAutofocus: the form opens on the user's own click
            autoFocus
            required
            autoComplete="off"
          />
          <NamesDatalist id="merge-names" names={others} />
          <button className="btn primary" type="submit" disabled={busy}>
            Merge
          </button>
        </form>
      )}
      <ErrorStatus message={error} />
    </div>
  );
}
