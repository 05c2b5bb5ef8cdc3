import { type KindredDb, photos } from '@kindred/db';
import { sql } from 'drizzle-orm';
import { type PhotoFilter, type PhotoOrder, photoFilterSql } from './photo-filter.js';

/**
 * One page of photo hashes in takenAt order (ties by insertion), using the takenAt index.
 * Offset paging: photos without a date come first oldest-first and last newest-first.
 */
export function photoHashPage(
  db: KindredDb,
  filter: PhotoFilter,
  order: PhotoOrder,
  limit: number,
  offset: number,
): string[] {
  const where = photoFilterSql(photos, filter) ?? sql`1 = 1`;
  const direction = order === 'TAKEN_AT' ? sql.raw('asc') : sql.raw('desc');
  return db
    .all<{ hash: string }>(
      sql`select ${photos.hash} as hash from ${photos} where ${where}
          order by ${photos.takenAt} ${direction}, ${photos}.rowid ${direction} limit ${limit} offset ${offset}`,
    )
    .map((row) => row.hash);
}

export function photoCount(db: KindredDb, filter: PhotoFilter): number {
  const where = photoFilterSql(photos, filter) ?? sql`1 = 1`;
  return db.get<{ n: number }>(sql`select count(*) as n from ${photos} where ${where}`)?.n ?? 0;
}

/** Puts rows in the order of `keys` (rows loaded with `where key in (...)` come back in any order). */
export function inKeyOrder<T>(
  keys: readonly (string | number)[],
  rows: T[],
  keyOf: (row: T) => string | number,
): T[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.flatMap((key) => {
    const row = byKey.get(key);
    return row ? [row] : [];
  });
}

/**
 * The photos just before and after `hash` in the order of `photoHashPage(…, 'TAKEN_AT')` (takenAt with
 * undated photos first, ties by insertion), among the photos matching `filter`. Undated photos have
 * neighbours too: scanned family photos rarely carry a date.
 */
export function photoNeighbourHashes(
  db: KindredDb,
  hash: string,
  filter: PhotoFilter,
): { previous: string | null; next: string | null } {
  const at = db.get<{ t: string | null; r: number }>(
    sql`select ${photos.takenAt} as t, rowid as r from ${photos} where ${photos.hash} = ${hash}`,
  );
  if (!at) return { previous: null, next: null };
  const where = photoFilterSql(photos, filter) ?? sql`1 = 1`;
  const taken = photos.takenAt;
  const rowid = sql`${photos}.rowid`;
  const after =
    at.t === null
      ? sql`((${taken} is null and ${rowid} > ${at.r}) or ${taken} is not null)`
      : sql`(${taken} > ${at.t} or (${taken} = ${at.t} and ${rowid} > ${at.r}))`;
  const before =
    at.t === null
      ? sql`(${taken} is null and ${rowid} < ${at.r})`
      : sql`(${taken} is null or ${taken} < ${at.t} or (${taken} = ${at.t} and ${rowid} < ${at.r}))`;
  const first = (condition: typeof after, direction: 'asc' | 'desc') =>
    db.get<{ hash: string }>(
      sql`select ${photos.hash} as hash from ${photos} where ${where} and ${condition}
          order by ${taken} ${sql.raw(direction)}, ${rowid} ${sql.raw(direction)} limit 1`,
    )?.hash ?? null;
  return { previous: first(before, 'desc'), next: first(after, 'asc') };
}
