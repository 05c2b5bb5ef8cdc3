import type { albums, faces, people } from '@kindred/db';
import type { KindredContext } from './context.js';
import { groupBy, requestLoader } from './request-loader.js';

/**
 * What a photo page shows beside the photo row (its faces with their people and clusters, its files, its albums),
 * loaded with plain prepared SQL: one statement per kind for all photos a request asks about. Drizzle's relational
 * queries built and mapped nested JSON subqueries for these on every request, which cost several times the SQL.
 */

/** The columns Person's own fields read; its other fields load what they need by id. */
export type PersonRow = Pick<typeof people.$inferSelect, 'id' | 'name' | 'hidden'>;
type AlbumRow = typeof albums.$inferSelect;
/**
 * The face columns the Face type reads, and the face's person when it was loaded with the face. A cluster needs no
 * load: `{ id: clusterId }` is all a Cluster row carries (the foreign key keeps the id pointing at a cluster).
 */
export type FaceRow = Pick<
  typeof faces.$inferSelect,
  | 'id'
  | 'photoHash'
  | 'x'
  | 'y'
  | 'w'
  | 'h'
  | 'score'
  | 'source'
  | 'state'
  | 'personId'
  | 'clusterId'
  | 'suggestionDistance'
  | 'editedByUser'
> & { person?: PersonRow | null };

/**
 * Rows come back as arrays (better-sqlite3's raw mode) and are built into objects here: for the ~100 faces of a
 * page of photos, better-sqlite3's own row objects cost about as much as running the statement.
 */
type PersonTuple = [id: number | null, name: string | null, hidden: number];
const personColumns = (table: string) => `${table}.id, ${table}.name, ${table}.hidden`;

function toPerson(p: PersonTuple): PersonRow | null {
  return p[0] === null ? null : { id: p[0], name: p[1], hidden: p[2] === 1 };
}

type FaceTuple = [
  id: number,
  photoHash: string,
  x: number,
  y: number,
  w: number,
  h: number,
  score: number | null,
  source: FaceRow['source'],
  state: FaceRow['state'],
  personId: number | null,
  clusterId: number | null,
  suggestionDistance: number | null,
  editedByUser: number,
  ...person: PersonTuple,
];

function toFace(f: FaceTuple): FaceRow {
  return {
    id: f[0],
    photoHash: f[1],
    x: f[2],
    y: f[3],
    w: f[4],
    h: f[5],
    score: f[6],
    source: f[7],
    state: f[8],
    personId: f[9],
    clusterId: f[10],
    suggestionDistance: f[11],
    editedByUser: f[12] === 1,
    person: toPerson([f[13], f[14], f[15]]),
  };
}

/** Keys travel as one JSON array parameter, so each statement's text is the same for any number of keys. */
const IN_KEYS = 'in (select value from json_each(?))';

const FACES_SQL = `select f.id, f.photo_hash, f.x, f.y, f.w, f.h, f.score, f.source, f.state, f.person_id,
  f.cluster_id, f.suggestion_distance, f.edited_by_user, ${personColumns('p')}
  from faces f left join people p on p.id = f.person_id
  where f.photo_hash ${IN_KEYS} order by f.x, f.id`;
const PATHS_SQL = `select content_hash as hash, path from files
  where content_hash ${IN_KEYS} and status = 'present' order by path`;
const ALBUMS_SQL = `select ap.photo_hash as photoHash, a.id, a.name, a.source, a.external_key as externalKey,
  a.created_at as createdAt from album_photos ap join albums a on a.id = ap.album_id
  where ap.photo_hash ${IN_KEYS} order by a.name, a.id`;
const PEOPLE_SQL = `select ${personColumns('people')} from people where id ${IN_KEYS}`;

function query<Row>(ctx: KindredContext, sql: string, keys: readonly unknown[]): Row[] {
  return ctx.db.$client.prepare(sql).all(JSON.stringify(keys)) as Row[];
}

function queryRaw<Tuple>(ctx: KindredContext, sql: string, keys: readonly unknown[]): Tuple[] {
  return ctx.db.$client.prepare(sql).raw(true).all(JSON.stringify(keys)) as Tuple[];
}

/** A photo's faces left to right (by x, then id), each with its person. */
export const photoFaces = requestLoader<KindredContext, string, FaceRow[]>((ctx, hashes) => {
  const rows = queryRaw<FaceTuple>(ctx, FACES_SQL, hashes).map(toFace);
  return groupBy(rows, (face) => face.photoHash);
}, []);

/** Paths of a photo's present files, sorted. */
export const photoPaths = requestLoader<KindredContext, string, string[]>((ctx, hashes) => {
  const rows = query<{ hash: string; path: string }>(ctx, PATHS_SQL, hashes);
  return new Map(
    [...groupBy(rows, (row) => row.hash)].map(([hash, files]) => [hash, files.map((f) => f.path)]),
  );
}, []);

/** A photo's albums by name (each row also carries the photoHash it was loaded for). */
export const photoAlbums = requestLoader<KindredContext, string, AlbumRow[]>((ctx, hashes) => {
  const rows = query<AlbumRow & { photoHash: string }>(ctx, ALBUMS_SQL, hashes);
  return groupBy(rows, (row) => row.photoHash);
}, []);

/** A person by id (for faces loaded without theirs). */
export const personById = requestLoader<KindredContext, number, PersonRow | null>((ctx, ids) => {
  const found = queryRaw<PersonTuple>(ctx, PEOPLE_SQL, ids).map(toPerson);
  return new Map(found.flatMap((person) => (person ? [[person.id, person]] : [])));
}, null);

/** The distinct confirmed people of a photo's faces, left to right. */
export function confirmedPeople(faceRows: FaceRow[]): PersonRow[] {
  const seen = new Set<number>();
  return faceRows.flatMap((face) => {
    if (face.state !== 'confirmed' || !face.person || seen.has(face.person.id)) return [];
    seen.add(face.person.id);
    return [face.person];
  });
}
