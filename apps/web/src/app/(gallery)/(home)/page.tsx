import type { Metadata } from 'next';
import { EmptyLibrary } from '@/app/_components/empty-library';
import { PeopleList, PersonTile } from '@/app/_components/person-tile';
import { loadPeoplePage } from '@/lib/queries/people';

export const metadata: Metadata = { title: 'People' };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q } = await searchParams;
  const data = await loadPeoplePage(q?.trim());
  if (data.photos.totalCount === 0) return <EmptyLibrary />;
  const unknown = [
    ...data.groups.nodes.map((p) => ({
      key: `p${p.personId}`,
      href: `/people/${p.personId}`,
      faceId: p.coverFace?.faceId,
      count: p.photoCount,
      unit: 'photo',
    })),
    ...data.clusters.nodes.map((c) => ({
      key: `c${c.clusterId}`,
      href: `/review?cluster=${c.clusterId}`,
      faceId: c.faces.nodes[0]?.faceId,
      count: c.size,
      unit: 'face',
    })),
  ].sort((a, b) => b.count - a.count);
  return (
    <>
      <h1>People</h1>
      <p className="lede">
        {data.named.totalCount} people{q ? ` matching “${q}”` : ''} · {data.photos.totalCount} photos
      </p>
      <search>
        <form className="toolbar" action="/">
          <label htmlFor="people-search" className="visually-hidden">
            Search people by name
          </label>
          <input
            id="people-search"
            className="grow"
            type="search"
            name="q"
            defaultValue={q}
            placeholder="Search by name…"
          />
          <button className="btn" type="submit">
            Search
          </button>
        </form>
      </search>
      <section aria-labelledby="named-title">
        <h2 id="named-title" className="visually-hidden">
          Named people
        </h2>
        {data.named.nodes.length === 0 ? (
          <p className="muted">
            {q
              ? 'Nobody by that name.'
              : 'Nobody is named yet. Name a face group below, or a face on any photo, and they appear here.'}
          </p>
        ) : (
          <PeopleList people={data.named.nodes} />
        )}
      </section>
      {!q && unknown.length > 0 && (
        <section aria-labelledby="unknown-title">
          <h2 id="unknown-title">Who is this?</h2>
          <ul className="people-grid">
            {unknown.map((u) => (
              <PersonTile
                key={u.key}
                href={u.href}
                name={null}
                faceId={u.faceId}
                count={u.count}
                unit={u.unit}
              />
            ))}
          </ul>
        </section>
      )}
      {!q && data.hidden.nodes.length > 0 && (
        <details className="hidden-people">
          <summary>Hidden people ({data.hidden.nodes.length})</summary>
          <PeopleList people={data.hidden.nodes} />
        </details>
      )}
    </>
  );
}
