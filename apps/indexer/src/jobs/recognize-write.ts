import { blobToVector, type KindredDb, vectorToBlob } from '@kindred/db';
import { matchGroupIds, meanOfRows, type RecognitionResult, toMatrix } from '@kindred/recognition';
import type { PendingFace } from './recognize-load.js';

type Sqlite = KindredDb['$client'];

/**
 * Writes one run's result in one transaction: suggestions, group membership, group centroids.
 * Every face update is guarded by `state != 'confirmed'`: a person's word is never overwritten.
 * In a full run, new groups take the id of the previous group they share most faces with.
 */
export function writeRecognition(
  sqlite: Sqlite,
  faces: PendingFace[],
  result: RecognitionResult,
  full: boolean,
): { suggested: number; grouped: number; newGroups: number } {
  const suggest = sqlite.prepare(
    `UPDATE faces SET person_id = ?, state = 'suggested', suggestion_distance = ?, cluster_id = NULL
     WHERE id = ? AND state != 'confirmed'`,
  );
  const group = sqlite.prepare(
    `UPDATE faces SET cluster_id = ?, person_id = NULL, state = 'unassigned', suggestion_distance = NULL
     WHERE id = ? AND state != 'confirmed'`,
  );
  const insertCluster = sqlite.prepare('INSERT INTO clusters (centroid, size) VALUES (?, ?)');
  const updateCluster = sqlite.prepare('UPDATE clusters SET centroid = ?, size = ? WHERE id = ?');
  let suggested = 0;
  let grouped = 0;
  let newGroups = 0;
  sqlite.transaction(() => {
    const keep = full
      ? matchGroupIds(
          faces.map((f) => f.clusterId ?? -1),
          result.group,
        )
      : null;
    const existing = new Set(
      (sqlite.prepare('SELECT id FROM clusters').all() as { id: number }[]).map((r) => r.id),
    );
    const idOf = new Map<number, number>();
    for (const [key, g] of result.groups) {
      if (g.size === 0) continue;
      const reuse = full ? (keep?.get(key) ?? null) : existing.has(key) ? key : null;
      if (reuse !== null) {
        updateCluster.run(vectorToBlob(g.centroid), g.size, reuse);
        idOf.set(key, reuse);
      } else {
        idOf.set(key, Number(insertCluster.run(vectorToBlob(g.centroid), g.size).lastInsertRowid));
        newGroups++;
      }
    }
    const left = new Set<number>();
    faces.forEach((f, i) => {
      const person = result.person[i] as number;
      const key = result.group[i] as number;
      if (person >= 0) {
        suggest.run(person, result.distance[i] as number, f.id);
        if (f.clusterId !== null) left.add(f.clusterId);
        suggested++;
      } else if (key >= 0) {
        group.run(idOf.get(key) ?? null, f.id);
        grouped++;
      }
    });
    if (!full) for (const id of left) refreshGroup(sqlite, id);
    sqlite
      .prepare(
        'DELETE FROM clusters WHERE id NOT IN (SELECT cluster_id FROM faces WHERE cluster_id IS NOT NULL)',
      )
      .run();
  })();
  return { suggested, grouped, newGroups };
}

/** Recomputes a group's centroid and size from its members (after some of them got a name). */
function refreshGroup(sqlite: Sqlite, id: number) {
  const rows = sqlite
    .prepare('SELECT descriptor FROM faces WHERE cluster_id = ? AND descriptor IS NOT NULL')
    .all(id) as { descriptor: Buffer }[];
  if (rows.length === 0) return;
  const m = toMatrix(rows.map((r) => blobToVector(r.descriptor)));
  const centroid = meanOfRows(
    m,
    rows.map((_, i) => i),
  );
  sqlite
    .prepare('UPDATE clusters SET centroid = ?, size = ? WHERE id = ?')
    .run(vectorToBlob(centroid), rows.length, id);
}
