import type { Metadata } from 'next';
import Link from 'next/link';
import { canEdit } from '@/lib/auth';
import { photoUrl } from '@/lib/image-sizes';
import { type AlbumSummary, loadAlbumsPage } from '@/lib/queries/albums';
import { CreateAlbum } from '../_components/create-album';
import { FolderTree } from '../_components/folder-tree';

export const metadata: Metadata = { title: 'Albums' };

const SECTIONS = [
  { source: 'USER', title: 'Your albums' },
  { source: 'PICASA', title: 'From Picasa' },
  { source: 'FOLDER', title: 'Folder albums' },
] as const;

function AlbumCard({ album }: { album: AlbumSummary }) {
  const cover = album.photos.nodes[0]?.hash;
  return (
    <li className="album-card">
      <Link href={`/albums/${album.albumId}`}>
        {cover ? (
          // biome-ignore lint/performance/noImgElement: our own immutable thumbnail route
          <img src={photoUrl(cover, 320)} alt="" loading="lazy" />
        ) : (
          <span className="album-empty" aria-hidden="true" />
        )}
        <span className="album-name">{album.name}</span>
        <span className="person-count">{album.photoCount} photos</span>
      </Link>
    </li>
  );
}

export default async function AlbumsPage() {
  const [data, editable] = await Promise.all([loadAlbumsPage(), canEdit()]);
  return (
    <>
      <h1>Albums</h1>
      <p className="lede">Albums from Picasa, ones you make here, and the folders on disk.</p>
      {editable && <CreateAlbum />}
      {SECTIONS.map(({ source, title }) => {
        const albums = data.albums.nodes.filter((a) => a.source === source);
        if (albums.length === 0) return null;
        return (
          <section key={source} aria-labelledby={`albums-${source}`}>
            <h2 id={`albums-${source}`}>{title}</h2>
            <ul className="album-grid">
              {albums.map((album) => (
                <AlbumCard key={album.albumId} album={album} />
              ))}
            </ul>
          </section>
        );
      })}
      <section aria-labelledby="folders-title">
        <h2 id="folders-title">Folders</h2>
        <FolderTree folders={data.folders} />
      </section>
    </>
  );
}
