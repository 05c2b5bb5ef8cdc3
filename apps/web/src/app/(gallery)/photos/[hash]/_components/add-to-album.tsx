'use client';
import { type FormEvent, useId } from 'react';
import { ErrorStatus } from '@/app/_components/error-status';
import { ADD_TO_ALBUM } from '@/lib/mutations';
import { useMutation } from '@/lib/use-mutation';

/** Adds this photo to one of the family's albums. */
export function AddToAlbum({
  photoHash,
  albums,
  inAlbums,
}: {
  photoHash: string;
  albums: { albumId: number; name: string }[];
  inAlbums: number[];
}) {
  const { run, busy, error } = useMutation();
  const id = useId();
  const choices = albums.filter((a) => !inAlbums.includes(a.albumId));
  if (choices.length === 0) return null;
  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const albumId = String(new FormData(event.currentTarget).get('album') ?? '');
    if (albumId) await run(ADD_TO_ALBUM, { albumId, photoIds: [photoHash] });
  }
  return (
    <form className="toolbar add-to-album" onSubmit={add}>
      <label htmlFor={id}>Add to album</label>
      <select id={id} name="album">
        {choices.map((a) => (
          <option key={a.albumId} value={a.albumId}>
            {a.name}
          </option>
        ))}
      </select>
      <button type="submit" className="btn small" disabled={busy}>
        Add
      </button>
      <ErrorStatus message={error} />
    </form>
  );
}
