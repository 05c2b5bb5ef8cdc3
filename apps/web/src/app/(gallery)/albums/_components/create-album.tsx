'use client';
import { type FormEvent, useState } from 'react';
import { ErrorStatus } from '@/app/_components/error-status';
import { CREATE_ALBUM } from '@/lib/mutations';
import { useMutation } from '@/lib/use-mutation';

/** "New album": a name, then it appears under Your albums (add photos from any photo). */
export function CreateAlbum() {
  const { run, busy, error } = useMutation();
  const [key, setKey] = useState(0);
  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (name && (await run(CREATE_ALBUM, { name }))) setKey(key + 1);
  }
  return (
    <form key={key} className="toolbar" onSubmit={create}>
      <label htmlFor="album-name" className="visually-hidden">
        New album name
      </label>
      <input
        id="album-name"
        name="name"
        type="text"
        placeholder="New album name"
        required
        autoComplete="off"
      />
      <button className="btn primary" type="submit" disabled={busy}>
        Create album
      </button>
      <ErrorStatus message={error} />
    </form>
  );
}
