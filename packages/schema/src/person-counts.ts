import type { KindredDb } from '@kindred/db';
import { dataStateKey } from './data-state.js';
import type { PhotoFilter } from './photo-filter.js';

/**
 * Face and photo counts per person, cached per database state. Counting every person's faces takes tens of
 * milliseconds on a 200,000-face library, too slow for every people page; the cache is rebuilt when the data
 * changes (SQLite's data_version for other connections' commits, total_changes() for this connection's).
 */
interface Counts {
  key: string;
  /** All photos in the library. */
  photoTotal: number;
  confirmed: Map<number, number>;
  suggested: Map<number, number>;
  photos: Map<number, number>;
}

const cache = new WeakMap<object, Counts>();
/** Within one request the data does not change under the reader: check the state once per request. */
const perRequest = new WeakMap<object, Counts>();

export function personCounts(ctx: { db: KindredDb }): Counts {
  const seen = perRequest.get(ctx);
  if (seen) return seen;
  const counts = currentCounts(ctx.db);
  perRequest.set(ctx, counts);
  return counts;
}

function currentCounts(db: KindredDb): Counts {
  const key = dataStateKey(db);
  const cached = cache.get(db.$client);
  if (cached?.key === key) return cached;
  const rows = db.$client
    .prepare(
      `select person_id as personId, state, count(*) as n from faces
       where person_id is not null and state in ('confirmed', 'suggested') group by person_id, state`,
    )
    .all() as { personId: number; state: string; n: number }[];
  const photoTotal = (db.$client.prepare('select count(*) from photos').pluck().get() as number) ?? 0;
  const counts: Counts = { key, photoTotal, confirmed: new Map(), suggested: new Map(), photos: new Map() };
  for (const row of rows)
    (row.state === 'confirmed' ? counts.confirmed : counts.suggested).set(row.personId, row.n);
  cache.set(db.$client, counts);
  return counts;
}

/** Photos each person is confirmed in (distinct photos), for the given people; cached like the face counts. */
export function personPhotoCounts(ctx: { db: KindredDb }, personIds: readonly number[]): number[] {
  const { db } = ctx;
  const counts = personCounts(ctx);
  const missing = personIds.filter((id) => !counts.photos.has(id));
  if (missing.length) {
    for (const id of missing) counts.photos.set(id, 0);
    const rows = db.$client
      .prepare(
        `select person_id as personId, count(distinct photo_hash) as n from faces
         where state = 'confirmed' and person_id in (select value from json_each(?)) group by person_id`,
      )
      .all(JSON.stringify(missing)) as { personId: number; n: number }[];
    for (const row of rows) counts.photos.set(row.personId, row.n);
  }
  return personIds.map((id) => counts.photos.get(id) ?? 0);
}

/**
 * The photo filter for one person's photos, with the scan that suits them: a person in more than 1% of the
 * library is found by walking photos in date order (the first page comes quickly); a rarer one by their faces.
 */
export function personPhotosFilter(ctx: { db: KindredDb }, personId: number): PhotoFilter {
  const counts = personCounts(ctx);
  const frequent = (counts.confirmed.get(personId) ?? 0) * 100 >= counts.photoTotal;
  return { personIds: [personId], personScan: frequent ? 'by-date' : 'by-faces' };
}
