import type { Metadata } from 'next';
import Link from 'next/link';
import { PhotoListGrid } from '@/app/_components/photo-list-grid';
import { loadPhotoList, loadYears } from '@/lib/queries/photo-lists';

export const metadata: Metadata = { title: 'Timeline' };

export default async function TimelinePage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const { year } = await searchParams;
  const years = await loadYears();
  const chosen = year && /^\d{4}$/.test(year) ? Number(year) : null;
  const filter = chosen ? { takenFrom: String(chosen), takenTo: String(chosen + 1) } : {};
  const photos = await loadPhotoList(filter, true);
  return (
    <>
      <h1>Timeline</h1>
      <p className="lede">
        {photos.totalCount} photos{chosen ? ` from ${chosen}` : ', newest first'}
      </p>
      <nav className="toolbar year-nav" aria-label="Years">
        <Link className="btn small" href="/timeline" aria-current={chosen ? undefined : 'page'}>
          All
        </Link>
        {years.map((y) => (
          <Link
            key={y}
            className="btn small"
            href={`/timeline?year=${y}`}
            aria-current={y === chosen ? 'page' : undefined}
          >
            {y}
          </Link>
        ))}
      </nav>
      <PhotoListGrid key={chosen ?? 'all'} photos={photos} filter={filter} newestFirst altPrefix="Photo" />
    </>
  );
}
