import type { KindredDb } from '@kindred/db';
import type { RunError } from './report.js';

/** What happened over some index runs, for the family: `kindred report` and the notify hook. */
export interface RunDigest {
  /** Start of the window (the first run's start) and its end (the last run's finish, or now). */
  from: string;
  to: string;
  runs: { id: number; status: string; startedAt: string; finishedAt: string | null }[];
  photos: {
    new: string[];
    moved: { from: string; to: string }[];
    removed: string[];
  };
  /** Faces found in the window that carry a name, by person (suggested = the machine's guess). */
  named: { person: string; confirmed: number; suggested: number }[];
  /** Name changes people made (gallery, API) in the window. */
  edits: number;
  /** Groups of unnamed faces first seen in the window ("Who is this?"). */
  unknownGroups: { id: number; faces: number }[];
  /** Paths the runs could not read or analyse, once each (the latest error). */
  failed: RunError[];
}

export class DigestError extends Error {
  override name = 'DigestError';
}

/** A `runs` row with its stored report (JSON text). */
export interface RunRow {
  id: number;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  report: string | null;
}

const RUN_COLUMNS = `id, status, started_at AS startedAt, finished_at AS finishedAt, report`;

/** `YYYY-MM-DD` is local midnight; anything else must be a date `Date` understands. */
export function parseSince(since: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(since);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(since);
  if (Number.isNaN(date.getTime()))
    throw new DigestError(`--since: not a date: "${since}" (use "last", YYYY-MM-DD or an ISO time)`);
  return date;
}

/**
 * The runs a report covers. `last`: the latest finished index run and the unfinished ones just before it
 * (a night killed and resumed reads as one). A date: every index run started since then.
 */
export function selectRuns(db: KindredDb, since: string | number): RunRow[] {
  const sqlite = db.$client;
  if (typeof since === 'number')
    return sqlite.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`).all(since) as RunRow[];
  if (since === 'last') {
    const finished = sqlite
      .prepare(
        `SELECT id FROM runs WHERE command = 'index' AND status IN ('completed','failed') ORDER BY id DESC LIMIT 2`,
      )
      .all() as { id: number }[];
    const last = finished[0]?.id;
    if (last === undefined) return [];
    return sqlite
      .prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE command = 'index' AND id > ? AND id <= ? ORDER BY id`)
      .all(finished[1]?.id ?? 0, last) as RunRow[];
  }
  const from = parseSince(since).toISOString();
  return sqlite
    .prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE command = 'index' AND started_at >= ? ORDER BY id`)
    .all(from) as RunRow[];
}

/** Builds the digest of the given runs from the files, faces and clusters tables and the stored reports. */
export function digestRuns(db: KindredDb, runs: RunRow[]): RunDigest {
  const sqlite = db.$client;
  const ids = runs.map((run) => run.id);
  const from = runs[0]?.startedAt ?? new Date().toISOString();
  const to = runs.at(-1)?.finishedAt ?? new Date().toISOString();
  const inRuns = `(SELECT value FROM json_each(?))`;
  const idsJson = JSON.stringify(ids);
  const photoKinds = `JOIN contents c ON c.hash = f.content_hash AND c.kind IN ('image','video')`;
  // A path that came and went within the runs is neither new nor removed.
  const arrived = sqlite
    .prepare(
      `SELECT f.path, f.content_hash AS hash FROM files f ${photoKinds} WHERE f.first_seen_run IN ${inRuns}
       AND (f.removed_run IS NULL OR f.removed_run NOT IN ${inRuns}) ORDER BY f.path`,
    )
    .all(idsJson, idsJson) as { path: string; hash: string }[];
  const left = sqlite
    .prepare(
      `SELECT f.path, f.content_hash AS hash FROM files f ${photoKinds} WHERE f.removed_run IN ${inRuns}
       AND f.first_seen_run NOT IN ${inRuns} ORDER BY f.path`,
    )
    .all(idsJson, idsJson) as { path: string; hash: string }[];
  const leftByHash = new Map<string, string[]>();
  for (const row of left) leftByHash.set(row.hash, [...(leftByHash.get(row.hash) ?? []), row.path]);
  const moved: { from: string; to: string }[] = [];
  const fresh: string[] = [];
  for (const row of arrived) {
    const source = leftByHash.get(row.hash)?.shift();
    if (source) moved.push({ from: source, to: row.path });
    else fresh.push(row.path);
  }
  const named = sqlite
    .prepare(
      `SELECT p.name AS person, SUM(fa.state = 'confirmed') AS confirmed, SUM(fa.state = 'suggested') AS suggested
       FROM faces fa JOIN people p ON p.id = fa.person_id
       WHERE fa.created_at >= ? AND fa.created_at <= ? AND p.name IS NOT NULL
       GROUP BY p.id ORDER BY COUNT(*) DESC, p.name`,
    )
    .all(from, to) as RunDigest['named'];
  const unknownGroups = sqlite
    .prepare(
      `SELECT cl.id, COUNT(fa.id) AS faces FROM clusters cl
       JOIN faces fa ON fa.cluster_id = cl.id AND fa.person_id IS NULL
       WHERE cl.created_at >= ? AND cl.created_at <= ? GROUP BY cl.id ORDER BY faces DESC, cl.id`,
    )
    .all(from, to) as RunDigest['unknownGroups'];
  const edits = (
    sqlite.prepare('SELECT COUNT(*) AS n FROM edits WHERE at >= ? AND at <= ?').get(from, to) as { n: number }
  ).n;
  const failed = new Map<string, string>();
  for (const run of runs) {
    const report = run.report ? (JSON.parse(run.report) as { errors?: RunError[] }) : {};
    for (const error of report.errors ?? []) failed.set(error.path, error.error);
  }
  return {
    from,
    to,
    runs: runs.map(({ report: _, ...run }) => run),
    photos: { new: fresh, moved, removed: [...leftByHash.values()].flat().sort() },
    named,
    edits,
    unknownGroups,
    failed: [...failed].map(([path, error]) => ({ path, error })),
  };
}
