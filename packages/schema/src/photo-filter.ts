import { and, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** What a photo list can be narrowed to. All given conditions must hold. */
export interface PhotoFilter {
  /** Every one of these people is confirmed in the photo. */
  personIds?: number[] | null;
  albumId?: number | null;
  /** A folder path: photos with a present file anywhere under it. */
  folder?: string | null;
  /** Inclusive lower bound on takenAt (ISO 8601 prefix, e.g. "2009" or "2009-06-01"). */
  takenFrom?: string | null;
  /** Exclusive upper bound on takenAt. */
  takenTo?: string | null;
  /** Has (true) or has no (false) face without a confirmed, named person. */
  hasUnnamedFaces?: boolean | null;
  starred?: boolean | null;
  /** How to find a person's photos: through their faces (default) or by walking photos in date order. */
  personScan?: 'by-faces' | 'by-date';
}

export type PhotoOrder = 'TAKEN_AT' | 'TAKEN_AT_DESC';

/** The SQL condition on the photos table (given as its hash/takenAt/starred columns) for a filter. */
export function photoFilterSql(
  photo: { hash: SQLiteColumn; takenAt: SQLiteColumn; starred: SQLiteColumn },
  filter: PhotoFilter,
): SQL | undefined {
  const conditions: SQL[] = [];
  for (const personId of new Set(filter.personIds ?? [])) {
    conditions.push(
      filter.personScan === 'by-date'
        ? sql`exists (select 1 from faces where photo_hash = ${photo.hash} and person_id = ${personId} and state = 'confirmed')`
        : sql`${photo.hash} in (select photo_hash from faces where person_id = ${personId} and state = 'confirmed')`,
    );
  }
  if (filter.albumId != null) {
    conditions.push(
      sql`${photo.hash} in (select photo_hash from album_photos where album_id = ${filter.albumId})`,
    );
  }
  if (filter.folder != null) {
    const prefix = `${filter.folder.replace(/\/+$/, '')}/`;
    const end = `${prefix.slice(0, -1)}0`; // '0' sorts right after '/'
    conditions.push(
      sql`${photo.hash} in (select content_hash from files where status = 'present' and path >= ${prefix} and path < ${end})`,
    );
  }
  if (filter.takenFrom != null) conditions.push(sql`${photo.takenAt} >= ${filter.takenFrom}`);
  if (filter.takenTo != null) conditions.push(sql`${photo.takenAt} < ${filter.takenTo}`);
  if (filter.hasUnnamedFaces != null) {
    const unnamed = sql`exists (select 1 from faces f left join people p on p.id = f.person_id
      where f.photo_hash = ${photo.hash} and (f.state <> 'confirmed' or p.name is null))`;
    conditions.push(filter.hasUnnamedFaces ? unnamed : sql`not ${unnamed}`);
  }
  if (filter.starred != null) conditions.push(sql`${photo.starred} = ${filter.starred ? 1 : 0}`);
  return conditions.length ? and(...conditions) : undefined;
}
