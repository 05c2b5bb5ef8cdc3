import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PhotoListGrid } from '@/app/_components/photo-list-grid';
import { loadPhotoList } from '@/lib/queries/photo-lists';

export const metadata: Metadata = { title: 'Folder' };

/** The photos in one folder on disk (and below it). */
export default async function FolderPage({ searchParams }: { searchParams: Promise<{ path?: string }> }) {
  const { path } = await searchParams;
  if (!path?.startsWith('/')) notFound();
  const filter = { folder: path };
  const photos = await loadPhotoList(filter);
  return (
    <>
      <h1>{path.split('/').pop()}</h1>
      <p className="lede">
        {photos.totalCount} photos in <code>{path}</code>
      </p>
      <PhotoListGrid photos={photos} filter={filter} altPrefix={`Photo in ${path.split('/').pop()}`} />
    </>
  );
}
