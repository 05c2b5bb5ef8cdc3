import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { canEdit } from '@/lib/auth';
import { dayLabel } from '@/lib/dates';
import { loadEditableAlbums } from '@/lib/queries/albums';
import { loadPeopleNames } from '@/lib/queries/people';
import { loadPhotoPage, parseContext } from '@/lib/queries/photo';
import { PhotoDetails } from './_components/photo-details';
import { PhotoViewer } from './_components/photo-viewer';

type Props = { params: Promise<{ hash: string }>; searchParams: Promise<{ in?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await loadPhotoPage((await params).hash, {});
  return { title: data ? `Photo, ${dayLabel(data.photo.takenAt)}` : 'Photo' };
}

export default async function PhotoPage({ params, searchParams }: Props) {
  const [{ hash }, { in: within }] = await Promise.all([params, searchParams]);
  const [data, names, albums, editable] = await Promise.all([
    loadPhotoPage(hash, parseContext(within)),
    loadPeopleNames(),
    loadEditableAlbums(),
    canEdit(),
  ]);
  if (!data) notFound();
  const suffix = within ? `?in=${encodeURIComponent(within)}` : '';
  return (
    <div className="photo-page">
      <PhotoViewer
        photo={data.photo}
        names={names}
        previousHref={data.previous ? `/photos/${data.previous}${suffix}` : null}
        nextHref={data.next ? `/photos/${data.next}${suffix}` : null}
        editable={editable}
      />
      <PhotoDetails photo={data.photo} albums={editable ? albums : null} />
    </div>
  );
}
