import { blobToVector, type KindredDb, vectorToBlob } from '@kindred/db';
import {
  buildPrototypes,
  distances,
  type OwnedVectors,
  type PrototypeOptions,
  selectRows,
  toMatrix,
} from '@kindred/recognition';

type Sqlite = KindredDb['$client'];

interface Signature {
  personId: number;
  n: number;
  last: number;
}

/**
 * Brings person_prototypes up to date: rebuilds the prototypes of every person whose confirmed
 * faces changed (count or newest id), drops those of people with none left. Returns the ids of
 * the people rebuilt. Only changed people's descriptors are read.
 */
export function refreshPrototypes(sqlite: Sqlite, options: PrototypeOptions): number[] {
  const current = sqlite
    .prepare(
      `SELECT f.person_id AS personId, COUNT(*) AS n, MAX(f.id) AS last FROM faces f
       JOIN people p ON p.id = f.person_id AND p.merged_into IS NULL
       WHERE f.state = 'confirmed' AND f.descriptor IS NOT NULL GROUP BY f.person_id`,
    )
    .all() as Signature[];
  const stored = new Map(
    (
      sqlite
        .prepare(
          'SELECT person_id AS personId, confirmed_count AS n, last_confirmed_face_id AS last FROM person_prototypes WHERE idx = 0',
        )
        .all() as Signature[]
    ).map((s) => [s.personId, s]),
  );
  const changed = current.filter((s) => {
    const old = stored.get(s.personId);
    return !old || old.n !== s.n || old.last !== s.last;
  });
  const keep = new Set(current.map((s) => s.personId));
  const descriptorsOf = sqlite.prepare(
    `SELECT descriptor FROM faces WHERE person_id = ? AND state = 'confirmed' AND descriptor IS NOT NULL`,
  );
  const remove = sqlite.prepare('DELETE FROM person_prototypes WHERE person_id = ?');
  const insert = sqlite.prepare(
    'INSERT INTO person_prototypes (person_id, idx, vector, confirmed_count, last_confirmed_face_id) VALUES (?, ?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    for (const personId of stored.keys()) if (!keep.has(personId)) remove.run(personId);
    for (const s of changed) {
      const rows = descriptorsOf.all(s.personId) as { descriptor: Buffer }[];
      const protos = buildPrototypes(
        toMatrix(rows.map((r) => blobToVector(r.descriptor))),
        rows.map(() => s.personId),
        options,
      );
      remove.run(s.personId);
      for (let i = 0; i < protos.vectors.rows; i++) {
        const v = protos.vectors.data.subarray(i * protos.vectors.dim, (i + 1) * protos.vectors.dim);
        insert.run(s.personId, i, vectorToBlob(v), s.n, s.last);
      }
    }
  })();
  return changed.map((s) => s.personId);
}

/** Every stored prototype, owned by its person id. */
export function loadPrototypes(sqlite: Sqlite): OwnedVectors | null {
  const rows = sqlite
    .prepare('SELECT person_id AS personId, vector FROM person_prototypes ORDER BY person_id, idx')
    .all() as { personId: number; vector: Buffer }[];
  if (rows.length === 0) return null;
  return {
    vectors: toMatrix(rows.map((r) => blobToVector(r.vector))),
    owners: Int32Array.from(rows, (r) => r.personId),
  };
}

/** Ids of the unnamed groups whose centroid is within `radius` of a prototype of one of `personIds`. */
export function groupsNearPeople(
  sqlite: Sqlite,
  people: OwnedVectors,
  personIds: number[],
  radius: number,
): number[] {
  const wanted = new Set(personIds);
  const rows: number[] = [];
  for (let i = 0; i < people.owners.length; i++) if (wanted.has(people.owners[i] as number)) rows.push(i);
  if (rows.length === 0) return [];
  const groups = sqlite
    .prepare('SELECT id, centroid FROM clusters WHERE size > 0 AND centroid IS NOT NULL')
    .all() as { id: number; centroid: Buffer }[];
  if (groups.length === 0) return [];
  const D = distances(
    toMatrix(groups.map((g) => blobToVector(g.centroid))),
    selectRows(people.vectors, rows),
  );
  return groups
    .filter((_, g) => D.subarray(g * rows.length, (g + 1) * rows.length).some((d) => d <= radius))
    .map((g) => g.id);
}
