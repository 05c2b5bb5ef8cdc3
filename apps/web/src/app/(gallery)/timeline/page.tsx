import type { Metadata } from 'next';
import Link from 'next/link';
import { PhotoListGrid } from '@/app/_components/photo-list-grid';
import { loadPhotoList, loadYears } from '@/lib/queries/photo-lists';

export const metadata: Metadata = { title: 'Timeline' };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FULL_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** takenFrom/takenTo prefixes for a year, or one month of it (takenTo is exclusive). */
function periodFilter(year: number | null, month: number | null) {
  if (!year) return {};
  if (!month) return { takenFrom: String(year), takenTo: String(year + 1) };
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return { takenFrom: `${year}-${String(month).padStart(2, '0')}`, takenTo: next };
}

type Search = { year?: string; month?: string };

export default async function TimelinePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { year, month } = await searchParams;
  const years = await loadYears();
  const chosen = year && /^\d{4}$/.test(year) ? Number(year) : null;
  const chosenMonth = chosen && month && /^(0?[1-9]|1[0-2])$/.test(month) ? Number(month) : null;
  const filter = periodFilter(chosen, chosenMonth);
  const photos = await loadPhotoList(filter, true);
  const period = chosenMonth ? `${FULL_MONTHS[chosenMonth - 1]} ${chosen}` : String(chosen);
  return (
    <>
      <h1>Timeline</h1>
      <p className="lede">
        {photos.totalCount} photos{chosen ? ` from ${period}` : ', newest first'}
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
            aria-current={y === chosen && !chosenMonth ? 'page' : undefined}
          >
            {y}
          </Link>
        ))}
      </nav>
      {chosen && (
        <nav className="toolbar year-nav" aria-label={`Months of ${chosen}`}>
          {MONTHS.map((label, i) => (
            <Link
              key={label}
              className="btn small"
              href={`/timeline?year=${chosen}&month=${i + 1}`}
              aria-current={chosenMonth === i + 1 ? 'page' : undefined}
            >
              {label}
            </Link>
          ))}
        </nav>
      )}
      <PhotoListGrid
        key={`${chosen ?? 'all'}-${chosenMonth ?? ''}`}
        photos={photos}
        filter={filter}
        newestFirst
        altPrefix="Photo"
      />
    </>
  );
}
