import type { KindredDb } from '@kindred/db';
import {
  DEFAULTS,
  type OwnedVectors,
  RECOGNITION_VERSION,
  type RecognitionOptions,
  recognizeFaces,
  toMatrix,
} from '@kindred/recognition';
import { adoptedProjection } from './learn-store.js';
import {
  loadGroupMembers,
  loadGroups,
  loadPendingFaces,
  loadPhotoContext,
  loadRejections,
} from './recognize-load.js';
import { groupsNearPeople, loadPrototypes, refreshPrototypes } from './recognize-prototypes.js';
import { writeRecognition } from './recognize-write.js';

/**
 * Groups whose centroid is this near a changed person are re-checked for a name (threshold + 0.1:
 * centres of two different people are ~0.73 apart at face-api's scale, one person's groups much nearer).
 */
const RECHECK_RADIUS = DEFAULTS.naming.threshold + 0.1;

export interface RecognizeStepOptions {
  /** Re-name and re-group every face that is not confirmed (group ids kept by overlap). */
  full?: boolean;
  options?: RecognitionOptions;
}

export interface RecognizeReport {
  status: 'done' | 'skipped';
  reason?: string;
  mode: 'incremental' | 'full';
  /** Faces looked at. */
  faces: number;
  suggested: number;
  grouped: number;
  newGroups: number;
  /** People whose prototypes were rebuilt (their confirmed faces changed). */
  peopleRebuilt: number;
  ms: number;
}

/**
 * The recognition step of `kindred index` and `kindred recognize`. Incremental by default: new
 * faces are named against the people's prototypes or grouped with earlier groups; faces already
 * grouped are re-checked for a name only when a person's confirmed faces changed, and only in the
 * groups near that person, so the work grows with what changed, not with the library.
 */
export function runRecognition(db: KindredDb, step: RecognizeStepOptions = {}): RecognizeReport {
  const started = performance.now();
  const options = step.options ?? DEFAULTS;
  const mode = step.full ? 'full' : 'incremental';
  const sqlite = db.$client;
  const rebuilt = refreshPrototypes(sqlite, options.prototypes);
  const peopleRebuilt = rebuilt.length;
  const loaded = loadPrototypes(sqlite);
  const fresh = loadPendingFaces(sqlite, step.full ? 'full' : 'new');
  // Grouped faces may have become nameable when people changed: only the groups near them are read.
  const recheck =
    !step.full && loaded && rebuilt.length > 0
      ? loadGroupMembers(sqlite, groupsNearPeople(sqlite, loaded, rebuilt, RECHECK_RADIUS))
      : [];
  const faces = [...fresh, ...recheck];
  const report = { mode, faces: faces.length, peopleRebuilt } as const;
  if (faces.length === 0) {
    return {
      ...report,
      status: 'skipped',
      reason: 'no faces to recognise',
      suggested: 0,
      grouped: 0,
      newGroups: 0,
      ms: 0,
    };
  }
  const people: OwnedVectors = loaded ?? {
    vectors: { data: new Float32Array(0), rows: 0, dim: faces[0]?.descriptor.length ?? 128 },
    owners: new Int32Array(0),
  };
  const projection = adoptedProjection(sqlite);
  const context = loadPhotoContext(sqlite, faces);
  const groups = step.full ? [] : loadGroups(sqlite, context);
  const maxCluster = (sqlite.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM clusters').get() as { m: number })
    .m;
  const result = recognizeFaces(
    {
      people,
      groups,
      faces: toMatrix(faces.map((f) => f.descriptor)),
      photoOf: faces.map((f) => f.photoHash),
      rejected: loadRejections(sqlite, faces),
      peopleInPhoto: context.peopleInPhoto,
      groupable: faces.map((_, i) => i < fresh.length),
      firstNewGroupKey: maxCluster + 1,
      ...(projection ? { projection } : {}),
    },
    options,
  );
  const written = writeRecognition(sqlite, faces, result, step.full ?? false);
  const ms = Math.round(performance.now() - started);
  sqlite
    .prepare(
      'INSERT INTO recognition_runs (mode, version, last_face_id, faces, suggested, grouped, ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      mode,
      RECOGNITION_VERSION,
      faces.reduce((m, f) => Math.max(m, f.id), 0),
      faces.length,
      written.suggested,
      written.grouped,
      ms,
    );
  return { ...report, status: 'done', ...written, ms };
}
