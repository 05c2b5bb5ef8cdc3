import type { Metadata } from 'next';
import { PhotoListGrid } from '@/app/_components/photo-list-grid';
import { loadPeopleNames } from '@/lib/queries/people';
import { loadPhotoList } from '@/lib/queries/photo-lists';

export const metadata: Metadata = { title: 'Together' };

/** Photos in which every chosen person appears. */
export default async function TogetherPage({
  searchParams,
}: {
  searchParams: Promise<{ p?: string | string[] }>;
}) {
  const { p } = await searchParams;
  const chosen = [p ?? []].flat().filter((id) => /^\d{1,12}$/.test(id));
  const names = await loadPeopleNames();
  const filter = { personIds: chosen };
  const photos = chosen.length ? await loadPhotoList(filter) : null;
  const chosenNames = names.filter((n) => chosen.includes(String(n.personId))).map((n) => n.name);
  return (
    <>
      <h1>Together</h1>
      <p className="lede">Pick people to see the photos they are in together.</p>
      <form className="card together-form" action="/together">
        <fieldset>
          <legend className="visually-hidden">People</legend>
          <ul className="check-list">
            {names.map((n) => (
              <li key={n.personId}>
                <label>
                  <input
                    type="checkbox"
                    name="p"
                    value={n.personId}
                    defaultChecked={chosen.includes(String(n.personId))}
                  />{' '}
                  {n.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button className="btn primary" type="submit">
          Show photos
        </button>
      </form>
      {photos && (
        <>
          <h2>
            {photos.totalCount} {photos.totalCount === 1 ? 'photo' : 'photos'} with{' '}
            {chosenNames.join(' and ')}
          </h2>
          <PhotoListGrid photos={photos} filter={filter} altPrefix={`Photo with ${chosenNames.join(', ')}`} />
        </>
      )}
    </>
  );
}
