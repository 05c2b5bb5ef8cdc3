import Link from 'next/link';
import { dayTimeLabel } from '@/lib/dates';
import type { PhotoDetail } from '@/lib/queries/photo';
import { AddToAlbum } from './add-to-album';

function folderOf(path: string): { folder: string; file: string } {
  const cut = path.lastIndexOf('/');
  return { folder: path.slice(0, cut), file: path.slice(cut + 1) };
}

/** The side panel: who is in the photo, when, where, which camera, its folders and albums. */
export function PhotoDetails({
  photo,
  albums,
}: {
  photo: PhotoDetail;
  /** Albums the photo can be added to; null for viewers (no adding). */
  albums: { albumId: number; name: string }[] | null;
}) {
  const named = photo.people.filter((p) => p.name);
  return (
    <aside className="photo-details card" aria-label="About this photo">
      <h2>In this photo</h2>
      {named.length ? (
        <ul className="chips">
          {named.map((p) => (
            <li key={p.personId}>
              <Link className="chip" href={`/people/${p.personId}`}>
                {p.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nobody named yet.</p>
      )}
      <dl className="facts">
        <dt>Taken</dt>
        <dd>{dayTimeLabel(photo.takenAt)}</dd>
        {photo.gps && (
          <>
            <dt>Place</dt>
            <dd>
              {photo.gps.lat.toFixed(4)}, {photo.gps.lon.toFixed(4)}
            </dd>
          </>
        )}
        {photo.camera && (
          <>
            <dt>Camera</dt>
            <dd>{photo.camera}</dd>
          </>
        )}
        {photo.width && photo.height && (
          <>
            <dt>Size</dt>
            <dd>
              {photo.width} × {photo.height}
            </dd>
          </>
        )}
        <dt>{photo.paths.length === 1 ? 'File' : 'Files'}</dt>
        <dd>
          <ul className="plain">
            {photo.paths.map((path) => {
              const { folder, file } = folderOf(path);
              return (
                <li key={path}>
                  <Link href={`/folders?path=${encodeURIComponent(folder)}`}>{folder.split('/').pop()}</Link>{' '}
                  / {file}
                </li>
              );
            })}
          </ul>
        </dd>
        {photo.albums.length > 0 && (
          <>
            <dt>Albums</dt>
            <dd>
              <ul className="plain">
                {photo.albums.map((album) => (
                  <li key={album.albumId}>
                    <Link href={`/albums/${album.albumId}`}>{album.name}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {albums && (
        <AddToAlbum photoHash={photo.hash} albums={albums} inAlbums={photo.albums.map((a) => a.albumId)} />
      )}
    </aside>
  );
}
