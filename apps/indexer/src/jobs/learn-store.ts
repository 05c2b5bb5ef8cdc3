import type { KindredDb } from '@kindred/db';
import { type Projection, projectionFromJson, projectionToJson } from '@kindred/recognition';
import type { Figures, FoldResult } from '@kindred/recognition/learn';

type Sqlite = KindredDb['$client'];

/** The `settings` key of the learned metric's decision. */
export const LEARNED_METRIC_KEY = 'learned_metric';

/** What `kindred learn` decided, with the held-out figures it decided on (stored as JSON). */
export interface LearnedMetric {
  adopted: boolean;
  reason: string;
  decidedAt: string;
  /** Set by `kindred learn --reset`. */
  resetAt?: string;
  trainedOn: { faces: number; people: number };
  current: Figures;
  learned: Figures;
  folds: FoldResult[];
  backend: string;
  trainMs: number;
  seed: number;
  steps: number;
  /** W of the adopted metric (absent when not adopted). */
  projection?: { inDim: number; outDim: number; matrix: string };
}

export function readLearnedMetric(sqlite: Sqlite): LearnedMetric | null {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(LEARNED_METRIC_KEY) as
    | { value: string }
    | undefined;
  return row ? (JSON.parse(row.value) as LearnedMetric) : null;
}

export function writeLearnedMetric(sqlite: Sqlite, value: LearnedMetric): void {
  sqlite
    .prepare(
      `INSERT INTO settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
    )
    .run(LEARNED_METRIC_KEY, JSON.stringify(value));
}

/** The adopted metric recognition should use, or undefined (plain Euclidean). */
export function adoptedProjection(sqlite: Sqlite): Projection | undefined {
  const metric = readLearnedMetric(sqlite);
  return metric?.adopted && metric.projection ? projectionFromJson(metric.projection) : undefined;
}

export { projectionToJson };

/** The `settings` key of the unnamed groups as they were under the plain metric. */
const GROUPS_KEY = 'learned_metric_plain_groups';

/** Remembers which group every unnamed face is in, before a learned metric re-groups them. */
export function saveGroupIds(sqlite: Sqlite): void {
  const rows = sqlite
    .prepare(`SELECT id, cluster_id AS c FROM faces WHERE cluster_id IS NOT NULL AND state != 'confirmed'`)
    .all() as { id: number; c: number }[];
  sqlite
    .prepare(
      `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    )
    .run(GROUPS_KEY, JSON.stringify(rows.map((r) => [r.id, r.c])));
}

/**
 * Puts unnamed faces back in the groups they had under the plain metric, so the full run after a
 * reset gives its groups those ids again (a full run keeps ids by overlap).
 */
export function restoreGroupIds(sqlite: Sqlite): void {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(GROUPS_KEY) as
    | { value: string }
    | undefined;
  if (!row) return;
  const pairs = JSON.parse(row.value) as [number, number][];
  const cluster = sqlite.prepare('INSERT OR IGNORE INTO clusters (id, size) VALUES (?, 0)');
  const face = sqlite.prepare(`UPDATE faces SET cluster_id = ? WHERE id = ? AND state != 'confirmed'`);
  sqlite.transaction(() => {
    for (const [id, c] of pairs) {
      cluster.run(c);
      face.run(c, id);
    }
    sqlite.prepare('DELETE FROM settings WHERE key = ?').run(GROUPS_KEY);
  })();
}
