import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PhotoListGrid } from '@/app/_components/photo-list-grid';
import { canEdit } from '@/lib/auth';
import { loadAlbum } from '@/lib/queries/albums';
import { RenameAlbum } from './_components/rename-album';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadAlbum((await params).id))?.name ?? 'Album' };
}

export default async function AlbumPage({ params }: Props) {
  const [album, editable] = await Promise.all([loadAlbum((await params).id), canEdit()]);
  if (!album) notFound();
  const filter = { albumId: String(album.albumId) };
  return (
    <>
      <h1>{album.name}</h1>
      <p className="lede">
        {album.photoCount} photos ·{' '}
        {album.source === 'PICASA' ? 'from Picasa' : album.source === 'USER' ? 'made here' : 'a folder'}
      </p>
      {album.source !== 'FOLDER' && editable && <RenameAlbum albumId={album.albumId} name={album.name} />}
      {album.photoCount === 0 ? (
        <p className="notice">No photos yet. Open any photo and choose “Add to album”.</p>
      ) : (
        <PhotoListGrid
          photos={album.photos}
          filter={filter}
          altPrefix={`Photo in ${album.name}`}
          linkSuffix={`?in=album-${album.albumId}`}
        />
      )}
    </>
  );
}
