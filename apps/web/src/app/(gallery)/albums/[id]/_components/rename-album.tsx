'use client';
import { type FormEvent, useState } from 'react';
import { ErrorStatus } from '@/app/_components/error-status';
import { RENAME_ALBUM } from '@/lib/mutations';
import { useMutation } from '@/lib/use-mutation';

export function RenameAlbum({ albumId, name }: { albumId: number; name: string }) {
  const [open, setOpen] = useState(false);
  const { run, busy, error } = useMutation();
  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (value && (await run(RENAME_ALBUM, { albumId: String(albumId), name: value }))) setOpen(false);
  }
  if (!open) {
    return (
      <button type="button" className="btn" onClick={() => setOpen(true)}>
        Rename album
      </button>
    );
  }
  return (
    <form className="toolbar" onSubmit={rename}>
      <label htmlFor="album-rename">Album name</label>
      {/* biome-ignore lint/a11y/noAutofocus: the form opens on the user's own click */}
      <input id="album-rename" name="name" type="text" defaultValue={name} autoFocus required />
      <button className="btn primary" type="submit" disabled={busy}>
        Save
      </button>
      <ErrorStatus message={error} />
    </form>
  );
}
